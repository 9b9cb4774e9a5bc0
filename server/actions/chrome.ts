"use server";

import { RunCheckInput } from "@/lib/chrome/dto";
import { findCheck, runCheck } from "../services/chrome/run-check";
import { defineAction } from "./define";

/** Runs one browser check now, through the same queue as the scheduled runs. */
export const runChromeCheckAction = defineAction(
  {
    name: "chrome.runCheck",
    role: "operator",
    risk: "safe",
    input: RunCheckInput,
    resource: (i) => `chrome-check/${i.check}`,
    lockKey: (i) => `chrome-check/${i.check}`,
    lockTtlMs: 120_000,
  },
  async (ctx, { check }) => runCheck(findCheck(check), { trigger: `manual:${ctx.actor.id}`, signal: ctx.signal }),
);
