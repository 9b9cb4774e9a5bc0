import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { eventually, readLab } from "@/test/lab";

const run = promisify(execFile);

describe("metrics for Prometheus", () => {
  it("refuses a scrape without the bearer token", async () => {
    const lab = readLab();
    expect((await fetch(`${lab.panelUrl}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${lab.panelUrl}/api/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("serves an exposition that promtool accepts", async () => {
    const lab = readLab();
    const res = await fetch(`${lab.panelUrl}/api/metrics`, { headers: { authorization: `Bearer ${lab.env.SWITCHBOARD_METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sb-metrics-")), "metrics.txt");
    writeFileSync(file, await res.text());
    // `promtool check metrics` reads stdin; it exits 0 on lint-only warnings and non-zero on parse errors.
    const { stderr } = await run("sh", ["-c", `promtool check metrics < ${file}`]);
    expect(stderr).not.toMatch(/error/i);
  });

  it("is scraped by the lab's real Prometheus with the token", async () => {
    const lab = readLab();
    const prom = lab.services.prometheus?.url as string;
    const up = await eventually(
      async () => {
        const r = (await (await fetch(`${prom}/api/v1/query?query=up{job="switchboard"}`)).json()) as {
          data: { result: { value: [number, string] }[] };
        };
        return r.data.result[0]?.value[1] === "1" ? r : null;
      },
      30_000,
      "Prometheus to scrape the panel",
    );
    expect(up.data.result).toHaveLength(1);
  });

  it("keeps the registry alerts' rules valid against our metric names (promtool test rules)", async () => {
    const { stdout } = await run("promtool", ["test", "rules", "alerts.test.yml"], { cwd: path.resolve("lab/prometheus") });
    expect(stdout).toContain("SUCCESS");
  });
});
