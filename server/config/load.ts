import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ConfigSchema, type Config } from "./schema";

export type LoadResult = { ok: true; config: Config; secrets: Map<string, string> } | { ok: false; errors: string[] };

/** `redis.clusters[1].sentinels[0].port` from a zod/yaml path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(top level)";
}

function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_union" && issue.errors.length) {
    // Report the branch that got furthest (e.g. the {host, port} form when an object was written).
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    const nested = best[0];
    if (nested && (nested.path.length > 0 || best.length === 1))
      return formatIssue({ ...nested, path: [...issue.path, ...nested.path] } as z.core.$ZodIssue);
  }
  const at = formatPath(issue.path);
  if (issue.code === "unrecognized_keys")
    return `${formatPath([...issue.path, issue.keys[0]!])}: unknown key${issue.keys.length > 1 ? ` (also ${issue.keys.slice(1).join(", ")})` : ""}`;
  if (issue.code === "invalid_type") {
    const expected = issue.expected;
    return /received undefined/.test(issue.message) ? `${at}: required (expected ${expected})` : `${at}: expected ${expected}`;
  }
  return `${at}: ${issue.message.replace(/^Invalid input: /, "")}`;
}

/** Every `...Env` key names an environment variable that must be set (secrets live only there). */
function collectSecrets(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  path: PropertyKey[],
  secrets: Map<string, string>,
  errors: string[],
) {
  if (Array.isArray(value)) value.forEach((v, i) => collectSecrets(v, env, [...path, i], secrets, errors));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith("Env") && typeof v === "string") {
        const secret = env[v];
        if (!secret) errors.push(`${formatPath([...path, k])}: environment variable ${v} is not set`);
        else secrets.set(v, secret);
      } else collectSecrets(v, env, [...path, k], secrets, errors);
    }
  }
}

export function parseConfig(text: string, env: Readonly<Record<string, string | undefined>>): LoadResult {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? 0}: ${e.message.split("\n")[0]}`) };
  }
  const parsed = ConfigSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(formatIssue) };
  const secrets = new Map<string, string>();
  const errors: string[] = [];
  collectSecrets(parsed.data, env, [], secrets, errors);
  return errors.length ? { ok: false, errors } : { ok: true, config: parsed.data, secrets };
}

export function loadConfigFile(file: string, env: Readonly<Record<string, string | undefined>>): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, errors: [`cannot read the file (${code ?? "error"})`] };
  }
  return parseConfig(text, env);
}
