import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

export interface Tracked {
  name: string;
  pid: number;
  child?: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts and stops every process of the lab. Each pid is written to <stateDir>/pids so a lab
 * that was killed hard can clean up its leftovers on the next start.
 */
export class ProcessManager {
  private readonly procs: Tracked[] = [];
  private readonly pidDir: string;

  constructor(private readonly stateDir: string) {
    this.pidDir = path.join(stateDir, "pids");
    mkdirSync(this.pidDir, { recursive: true });
    mkdirSync(path.join(stateDir, "logs"), { recursive: true });
  }

  logPath(name: string): string {
    return path.join(this.stateDir, "logs", `${name}.log`);
  }

  spawn(name: string, cmd: string, args: string[], opts: SpawnOptions = {}): Tracked {
    const log = createWriteStream(this.logPath(name), { flags: "a" });
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...opts });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    if (child.pid === undefined) throw new Error(`could not start ${name} (${cmd})`);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const tracked: Tracked = { name, pid: child.pid, child, exited };
    this.procs.push(tracked);
    writeFileSync(path.join(this.pidDir, `${name}.pid`), String(child.pid));
    void exited.then(() => rmSync(path.join(this.pidDir, `${name}.pid`), { force: true }));
    return tracked;
  }

  /** Adopts a daemon that wrote its own pidfile (we still stop it by pid). */
  adopt(name: string, pid: number): Tracked {
    const exited = waitForExit(pid);
    const tracked: Tracked = { name, pid, exited };
    this.procs.push(tracked);
    writeFileSync(path.join(this.pidDir, `${name}.pid`), String(pid));
    return tracked;
  }

  isRunning(name: string): boolean {
    const t = this.find(name);
    return t !== undefined && alive(t.pid);
  }

  find(name: string): Tracked | undefined {
    return [...this.procs].reverse().find((p) => p.name === name);
  }

  async stop(name: string, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const t = this.find(name);
    if (!t) return;
    await stopPid(t.pid, t.exited, signal);
    this.procs.splice(this.procs.indexOf(t), 1);
    rmSync(path.join(this.pidDir, `${name}.pid`), { force: true });
  }

  async stopAll(): Promise<void> {
    const all = [...this.procs].reverse();
    await Promise.all(all.map((t) => stopPid(t.pid, t.exited, "SIGTERM")));
    this.procs.length = 0;
    for (const f of readdirSync(this.pidDir)) rmSync(path.join(this.pidDir, f), { force: true });
  }

  /** Stops processes a previous, hard-killed lab left behind (only pids we recorded). */
  async reapLeftovers(): Promise<string[]> {
    const reaped: string[] = [];
    for (const f of readdirSync(this.pidDir)) {
      const pid = Number(readFileSync(path.join(this.pidDir, f), "utf8"));
      if (Number.isInteger(pid) && pid > 1 && alive(pid)) {
        await stopPid(pid, waitForExit(pid), "SIGTERM");
        reaped.push(f.replace(/\.pid$/, ""));
      }
      rmSync(path.join(this.pidDir, f), { force: true });
    }
    return reaped;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

async function waitForExit(pid: number): Promise<number | null> {
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  return null;
}

async function stopPid(pid: number, exited: Promise<number | null>, signal: NodeJS.Signals): Promise<void> {
  if (!alive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 5000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout" && alive(pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
