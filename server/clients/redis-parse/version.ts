/** "7.4.2" -> [7, 4, 2]; null for anything else. */
export function parseVersion(v: string | null | undefined): number[] | null {
  if (!v || !/^\d+(\.\d+){0,3}$/.test(v.trim())) return null;
  return v.trim().split(".").map(Number);
}

/** Negative when a < b, 0 when equal, positive when a > b; missing parts count as 0. */
export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
