type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Deep merge for config fragments: objects merge, arrays concatenate, scalars are replaced. */
export function deepMerge(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    if (isObj(cur) && isObj(v)) out[k] = deepMerge(cur, v);
    else if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...cur, ...v];
    else out[k] = v;
  }
  return out;
}
