// The lab's chrome-service: a headed launchServer of one Playwright version, run as its own
// process so faults can stop, kill and restart it. Settings come from the environment so the
// token never shows in the process list.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const moduleName = process.env.CHROME_LAB_MODULE ?? "playwright-core";
const { chromium } = require(moduleName);
const { version } = require(`${moduleName}/package.json`);

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const cdpPort = process.env.CHROME_LAB_CDP_PORT;
// Lab only: a CDP port on loopback so tests can count the server's browser contexts.
if (cdpPort) FLAGS.push(`--remote-debugging-port=${cdpPort}`, "--remote-debugging-address=127.0.0.1");

const server = await chromium.launchServer({
  executablePath: process.env.CHROME_LAB_EXECUTABLE ?? "/usr/lib/chromium/chromium",
  headless: false,
  args: FLAGS,
  host: "127.0.0.1",
  port: Number(process.env.CHROME_LAB_PORT),
  wsPath: process.env.CHROME_LAB_WS_PATH,
});
process.stdout.write(`chrome-service ready: playwright ${version} on 127.0.0.1:${process.env.CHROME_LAB_PORT}\n`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());
