import type { Role } from "../config/sections/auth";

export type { Role };
const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

export const hasRole = (have: Role, need: Role) => RANK[have] >= RANK[need];

/** The highest role any of the user's groups maps to, or null (signed in, but no access). */
export function roleForGroups(groups: readonly string[], mapping: Record<Role, string[]>): Role | null {
  let best: Role | null = null;
  for (const role of ["viewer", "operator", "admin"] as const) {
    if (mapping[role].some((g) => groups.includes(g))) best = role;
  }
  return best;
}
