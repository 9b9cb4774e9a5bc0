import "server-only";
import { getConfig } from "@/server/config";
import { PressureQueue } from "./queue";

const g = globalThis as typeof globalThis & { __switchboardChromeQueue?: PressureQueue };

/** The one queue in front of the shared browser, sized from config. */
export function getPressureQueue(): PressureQueue {
  if (!g.__switchboardChromeQueue) {
    const { concurrency, queue } = getConfig().chrome;
    g.__switchboardChromeQueue = new PressureQueue(concurrency, queue.maxWaiting, queue.maxWait);
  }
  return g.__switchboardChromeQueue;
}

export function resetPressureQueueForTests(): void {
  delete g.__switchboardChromeQueue;
}
