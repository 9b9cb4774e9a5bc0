const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The lab's stand-in for Authentik's login flow: a plain username + password form. */
export function renderLogin({ action, error }: { action: string; error: string | null }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in — lab identity provider</title>
<style>
body{font-family:system-ui,sans-serif;background:#0f172a;color:#e2e8f0;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#1e293b;padding:2rem;border-radius:.75rem;width:min(22rem,90vw);display:grid;gap:.75rem}
input{padding:.6rem;border-radius:.4rem;border:1px solid #475569;background:#0f172a;color:inherit;font-size:1rem}
button{padding:.6rem;border:0;border-radius:.4rem;background:#2563eb;color:white;font-size:1rem;cursor:pointer}
.err{color:#fca5a5} small{color:#94a3b8}
</style></head><body>
<form method="post" action="${esc(action)}">
<h1>Lab identity provider</h1>
<small>Stands in for Authentik. Users: admin, operator, viewer, outsider — password "demo".</small>
${error ? `<p class="err" role="alert">${esc(error)}</p>` : ""}
<label>Username <input name="login" autocomplete="username" autofocus required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form></body></html>`;
}
