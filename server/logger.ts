import "server-only";
import pino from "pino";
import { logLevel } from "./config";

const g = globalThis as typeof globalThis & { __switchboardLogger?: pino.Logger };

/** One structured logger; never log inputs, tokens or bodies verbatim. */
export const logger: pino.Logger = (g.__switchboardLogger ??= pino({
  level: logLevel(),
  base: { app: "switchboard" },
  redact: {
    paths: ["*.password", "*.token", "*.secret", "*.authorization", "*.headers.authorization", "*.cookie", "*.wsEndpoint"],
    censor: "[redacted]",
  },
}));
