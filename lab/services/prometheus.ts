import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import type { LabService } from "../lib/context";
import { waitForHttp } from "../lib/wait";

/** Debian's Prometheus scraping the panel's /api/metrics with the bearer token, with the registry alerts loaded. */
export const prometheusService: LabService = {
  name: "prometheus",
  apt: ["prometheus"],
  async start(ctx) {
    const dir = path.join(ctx.stateDir, "prometheus");
    mkdirSync(path.join(dir, "data"), { recursive: true });
    const tokenFile = path.join(dir, "metrics-token");
    writeFileSync(tokenFile, ctx.secret("metrics"), { mode: 0o600 });
    copyFileSync(path.join(import.meta.dirname, "../prometheus/alerts.yml"), path.join(dir, "alerts.yml"));
    const panel = new URL(ctx.panelUrl);
    writeFileSync(
      path.join(dir, "prometheus.yml"),
      stringify({
        global: { scrape_interval: "5s", evaluation_interval: "5s" },
        rule_files: ["alerts.yml"],
        scrape_configs: [
          {
            job_name: "switchboard",
            metrics_path: "/api/metrics",
            authorization: { type: "Bearer", credentials_file: tokenFile },
            static_configs: [{ targets: [panel.host] }],
          },
        ],
      }),
    );
    const port = ctx.ports.prometheus;
    ctx.processes.spawn("prometheus", "prometheus", [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--storage.tsdb.retention.time=1d",
    ]);
    await waitForHttp(`http://127.0.0.1:${port}/-/ready`, (s) => s === 200, 30_000);
    return {
      facts: { url: `http://127.0.0.1:${port}` },
      info: [`  Prometheus: http://127.0.0.1:${port} (scrapes the panel's /api/metrics every 5 s; registry alerts loaded)`],
    };
  },
};
