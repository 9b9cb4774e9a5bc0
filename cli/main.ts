import { runRegistryCli, USAGE } from "./registry";

const [area, ...args] = process.argv.slice(2);
const write = (s: string) => void process.stdout.write(`${s}\n`);

if (area === "registry") {
  runRegistryCli(args, process.env, write).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`switchboard: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
} else {
  write(USAGE);
  process.exit(area === "--help" || area === "-h" ? 0 : 2);
}
