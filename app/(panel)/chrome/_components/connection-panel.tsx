import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { ChromeConnection, ChromeExposure, ChromePressure } from "@/lib/chrome/dto";

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="flex flex-wrap justify-between gap-2 border-b border-slate-100 py-1 text-sm last:border-0 dark:border-slate-800">
    <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
    <dd className="min-w-0 text-right wrap-anywhere">{children}</dd>
  </div>
);

export function ConnectionPanel({
  connection: c,
  pressure: p,
  exposure,
}: {
  connection: ChromeConnection;
  pressure: ChromePressure;
  exposure: ChromeExposure | null;
}) {
  const skew = c.lastFailure?.kind === "version-skew";
  return (
    <Card aria-label="Browser connection">
      <CardTitle
        right={
          c.connected ? (
            <Badge tone="ok">connected</Badge>
          ) : c.lastFailure ? (
            <Badge tone="bad">{c.lastFailure.kind}</Badge>
          ) : (
            <Badge tone="muted">idle</Badge>
          )
        }
      >
        Browser connection
      </CardTitle>
      {exposure?.exposed ? (
        <p role="alert" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          <strong>Security finding:</strong> the token is readable by anyone who can reach port {c.host?.split(":")[1] ?? "3000"}: GET /json
          on the browser service returns its WebSocket path{exposure.revealsToken ? " (the configured token)" : ""}. The NetworkPolicy is
          the only guard. Checked <Age iso={exposure.checkedAt} />.
        </p>
      ) : null}
      {c.lastFailure && !c.connected ? (
        <p role="status" className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200">
          {c.lastFailure.message} <Age iso={c.lastFailure.at} />
        </p>
      ) : null}
      <dl className="grid gap-x-8 sm:grid-cols-2">
        <Row label="Host">{c.host ?? "none configured"}</Row>
        <Row label="Mode">
          {c.mode === "remote" ? "remote (shared headed browser)" : c.mode === "fallback" ? "fallback (in-process headless)" : "none"}
        </Row>
        <Row label="Playwright, panel">{c.panelVersion}</Row>
        <Row label="Playwright, server">
          {c.serverVersion ?? "unknown until connected"}
          {skew ? (
            <Badge tone="bad" className="ml-2">
              skew: pin both to the same major.minor
            </Badge>
          ) : null}
        </Row>
        <Row label="Browser">{c.browserVersion ?? "—"}</Row>
        <Row label="Connected since">{c.connected && c.connectedSince ? <Age iso={c.connectedSince} /> : "not connected"}</Row>
        <Row label="Pressure">
          {p.running}/{p.limit} running · {p.queued} queued · {p.rejected} rejected
        </Row>
        <Row label="Reconnects">{c.reconnects}</Row>
      </dl>
      {p.recentDropped.length ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Last dropped: {p.recentDropped[0]!.check} ({p.recentDropped[0]!.reason}) <Age iso={p.recentDropped[0]!.at} />
        </p>
      ) : null}
    </Card>
  );
}
