import "server-only";

/**
 * "google.com" matches google.com and any subdomain (www.google.com) on any port;
 * "127.0.0.1:8080" matches that host and port only.
 */
export function matchesTrapHost(url: string, trapHosts: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return false;
  const hostname = u.hostname.toLowerCase();
  return trapHosts.some((raw) => {
    const trap = raw.toLowerCase();
    if (trap.includes(":")) return u.host.toLowerCase() === trap;
    return hostname === trap || hostname.endsWith(`.${trap}`);
  });
}
