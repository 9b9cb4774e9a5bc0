/** `registry.example:5050/team/app:1.2` or `http://127.0.0.1:5000/app:latest` → parts. */
export function parseImageRef(ref: string, plainHttp: boolean): { url: string; repo: string; tag: string } | null {
  const m = /^(?:(https?):\/\/)?([^/]+)\/(.+)$/.exec(ref.trim());
  if (!m) return null;
  const [, scheme, host, rest] = m as unknown as [string, string | undefined, string, string];
  const at = rest.lastIndexOf(":");
  const repo = at > rest.lastIndexOf("/") && at > 0 ? rest.slice(0, at) : rest;
  const tag = at > rest.lastIndexOf("/") && at > 0 ? rest.slice(at + 1) : "latest";
  if (!/^[a-z0-9]+(?:[._\/-][a-z0-9]+)*$/.test(repo) || !/^[\w][\w.-]{0,127}$/.test(tag)) return null;
  const loopback = /^(127\.|localhost|\[::1\])/.test(host);
  return { url: `${scheme ?? (plainHttp || loopback ? "http" : "https")}://${host}`, repo, tag };
}

export function registryUrl(arg: string, plainHttp: boolean): string {
  if (/^https?:\/\//.test(arg)) return arg.replace(/\/+$/, "");
  return `${plainHttp || /^(127\.|localhost)/.test(arg) ? "http" : "https"}://${arg.replace(/\/+$/, "")}`;
}
