import { ReplyParseError } from "../redis-parse/errors";

/** The stats columns the topology reads (a row has ~100). */
export const SERVER_STAT_COLUMNS = ["pxname", "svname", "status", "check_status", "last_chk", "scur", "lastchg", "addr"] as const;

/** `show stat` / `/stats;csv`: a "# pxname,svname,…" header and one row per proxy or server; `columns` keeps only those. */
export function parseStatsCsv(text: string, columns?: readonly string[]): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0];
  if (!header?.startsWith("# ")) throw new ReplyParseError("haproxy stats", "no CSV header");
  const cols = header.slice(2).split(",");
  if (cols[0] !== "pxname" || cols[1] !== "svname") throw new ReplyParseError("haproxy stats", "unexpected columns");
  const keep = cols.map((c, i) => [c, i] as const).filter(([c]) => c && (!columns || columns.includes(c)));
  return lines.slice(1).map((line) => {
    const f = line.split(",");
    const row: Record<string, string> = Object.create(null) as Record<string, string>; // keys come from the wire: "__proto__" must stay a key
    for (const [c, i] of keep) row[c] = f[i] ?? "";
    return row;
  });
}

/** `show servers state [backend]`: a version line, a "# be_id …" header, space-separated rows. */
export function parseServersState(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const headerAt = lines.findIndex((l) => l.startsWith("# "));
  if (headerAt < 0) throw new ReplyParseError("haproxy servers state", "no header");
  const cols = lines[headerAt]!.slice(2).trim().split(/\s+/);
  if (cols[1] !== "be_name" || cols[3] !== "srv_name") throw new ReplyParseError("haproxy servers state", "unexpected columns");
  return lines.slice(headerAt + 1).map((line) => {
    const f = line.trim().split(/\s+/);
    return Object.fromEntries(cols.map((c, i) => [c, f[i] ?? ""]));
  });
}

/** srv_op_state of `show servers state`. */
export const OP_STATES: Record<string, string> = { "0": "STOPPED", "1": "STARTING", "2": "RUNNING", "3": "STOPPING" };
