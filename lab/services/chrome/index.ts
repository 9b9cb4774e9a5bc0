import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { LabContext, LabService } from "../../lib/context";
import { portOpen, waitFor, waitForPort } from "../../lib/wait";
import { closeServer, startFixtureSite, startHungEndpoint, startTrapHost } from "./fixtures";

const require = createRequire(import.meta.url);
const PINNED = { module: "playwright-core", version: (require("playwright-core/package.json") as { version: string }).version };
const SKEW = { module: "playwright-core-skew", version: (require("playwright-core-skew/package.json") as { version: string }).version };
const EXECUTABLE = "/usr/lib/chromium/chromium";
const SERVER_SCRIPT = path.join(import.meta.dirname, "launch-server.mjs");

/** One display per lab, derived from its port base, so two labs never share an X server. */
const displayFor = (ctx: LabContext) => Math.floor(ctx.ports.control / 10);

async function startXvfb(ctx: LabContext, display: number) {
  ctx.processes.spawn("xvfb", "Xvfb", [`:${display}`, "-screen", "0", "1280x800x24", "-nolisten", "tcp"]);
  await waitFor(`Xvfb :${display}`, async () => existsSync(`/tmp/.X11-unix/X${display}`), 10_000);
}

function chromeServiceControl(ctx: LabContext, display: number, token: string) {
  let current = PINNED;
  const start = async (which = current) => {
    current = which;
    const t = ctx.processes.spawn("chrome-service", process.execPath, [SERVER_SCRIPT], {
      env: {
        ...process.env,
        DISPLAY: `:${display}`,
        CHROME_LAB_MODULE: which.module,
        CHROME_LAB_PORT: String(ctx.ports.chrome),
        CHROME_LAB_WS_PATH: token,
        CHROME_LAB_CDP_PORT: String(ctx.ports.chromeCdp),
        CHROME_LAB_EXECUTABLE: EXECUTABLE,
      },
    });
    await waitForPort(ctx.ports.chrome, "chrome-service", 20_000);
    return { pid: t.pid, playwright: which.version };
  };
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    const pid = ctx.processes.find("chrome-service")?.pid ?? null;
    await ctx.processes.stop("chrome-service", signal);
    await waitFor("chrome-service port closed", async () => !(await portOpen(ctx.ports.chrome)), 10_000).catch(() => undefined);
    return { stopped: pid };
  };
  const ensureStarted = async (which = current) => {
    if (ctx.processes.isRunning("chrome-service") && which === current)
      return { pid: ctx.processes.find("chrome-service")?.pid, playwright: current.version };
    await stop();
    return start(which);
  };
  return { start, stop, ensureStarted, current: () => current };
}

/** chrome-service as the real thing: Xvfb + headed launchServer, the fixture site, a hung endpoint. */
export const chromeService: LabService = {
  name: "chrome",
  apt: ["chromium", "xvfb", "xauth"],
  async start(ctx) {
    const display = displayFor(ctx);
    const token = ctx.secret("chrome-ws-token");
    const trapHost = `127.0.0.1:${ctx.ports.trap}`;
    const [fixtures, trap, hung] = await Promise.all([
      startFixtureSite(ctx.ports.fixtures, `http://${trapHost}/`),
      startTrapHost(ctx.ports.trap),
      startHungEndpoint(ctx.ports.chromeHung),
      startXvfb(ctx, display),
    ]);
    const service = chromeServiceControl(ctx, display, token);
    await service.start(PINNED);
    const site = `http://127.0.0.1:${ctx.ports.fixtures}`;
    const trapCheck = (name: string, pathName: string, stealth: boolean) => ({
      name,
      url: `${site}${pathName}`,
      expect: { selector: "#content" },
      trapHosts: [trapHost],
      stealth,
      interval: "2m",
    });
    return {
      env: { CHROME_WS_TOKEN: token },
      config: {
        chrome: {
          service: { url: `ws://127.0.0.1:${ctx.ports.chrome}`, tokenEnv: "CHROME_WS_TOKEN", connectTimeout: "5s" },
          fallback: false,
          executablePath: EXECUTABLE,
          concurrency: 2,
          checks: [
            // Pages without an anti-devtools script: no trap hosts, so no watch window after load.
            {
              name: "fixture-healthy",
              url: `${site}/healthy`,
              expect: { selector: "#rendered", title: "Fixture: healthy" },
              trapHosts: [],
              timeout: "10s",
              interval: "1m",
            },
            {
              name: "fixture-slow",
              url: `${site}/slow?ms=2500`,
              expect: { selector: "#rendered" },
              trapHosts: [],
              timeout: "10s",
              interval: "2m",
            },
            { name: "fixture-broken", url: `${site}/broken`, trapHosts: [], timeout: "10s", interval: "2m" },
            trapCheck("trap-auto", "/trap-auto", true),
            trapCheck("trap-manual", "/trap-manual", true),
            trapCheck("trap-manual-no-stealth", "/trap-manual", false),
          ],
        },
      },
      facts: {
        wsUrl: `ws://127.0.0.1:${ctx.ports.chrome}`,
        tokenEnv: "CHROME_WS_TOKEN",
        cdpUrl: `http://127.0.0.1:${ctx.ports.chromeCdp}`,
        hungUrl: `ws://127.0.0.1:${ctx.ports.chromeHung}`,
        fixturesUrl: site,
        trapHost,
        display,
        executablePath: EXECUTABLE,
        versions: { pinned: PINNED.version, skew: SKEW.version },
      },
      info: [
        `  chrome:  ws://127.0.0.1:${ctx.ports.chrome}/<CHROME_WS_TOKEN> (headed, Xvfb :${display}, Playwright ${PINNED.version})`,
        `  fixtures: ${site}/healthy /slow /broken /trap-auto /trap-manual /late-trap (trap host ${trapHost})`,
      ],
      faults: {
        stop: {
          description: "stop chrome-service (heal starts it again)",
          inject: () => service.stop(),
          heal: () => service.ensureStarted(),
        },
        kill: {
          description: "SIGKILL chrome-service (heal starts it again)",
          inject: () => service.stop("SIGKILL"),
          heal: () => service.ensureStarted(),
        },
        skew: {
          description: `restart chrome-service on Playwright ${SKEW.version} (heal: back to ${PINNED.version})`,
          inject: () => service.ensureStarted(SKEW),
          heal: () => service.ensureStarted(PINNED),
        },
      },
      stop: async () => {
        await service.stop();
        await Promise.all([closeServer(fixtures), closeServer(trap), hung.close()]);
      },
    };
  },
};
