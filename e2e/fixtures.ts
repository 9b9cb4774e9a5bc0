import { test as base, expect, type APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DemoUser } from "./login";

const profile = process.env.SWITCHBOARD_LAB_PROFILE ?? "test";

/** Per lab profile, so two labs' e2e runs never share (and break) each other's sessions. */
export const authFile = (user: DemoUser) => path.join(import.meta.dirname, ".auth", profile, `${user}.json`);

/** Storage state of a demo user logged in once by auth.setup.ts: `test.use(asRole("operator"))`. */
export const asRole = (user: DemoUser) => ({ storageState: authFile(user) });

export interface LabJson {
  panelUrl: string;
  configPath: string;
  controlUrl: string;
  env: Record<string, string>;
  services: Record<string, Record<string, unknown>>;
}

export function lab(): LabJson {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "..", ".lab", profile, "lab.json"), "utf8")) as LabJson;
}

/** Flips a lab fault switch from an e2e test. */
export async function labFault(request: APIRequestContext, name: string, action: "inject" | "heal", body: object = {}) {
  const res = await request.post(`${lab().controlUrl}/faults/${name}/${action}`, { data: body, timeout: 60_000 });
  expect(res.ok(), `fault ${name}/${action}`).toBeTruthy();
  return res.json() as Promise<{ ok: boolean; result: unknown }>;
}

export const test = base;
export { expect };
