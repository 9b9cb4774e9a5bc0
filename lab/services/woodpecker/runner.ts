import { createHash } from "node:crypto";
import { TERMINAL, unix, type Pipeline, type PipelineStatus, type RepoDef, type Step, type Workflow } from "./model";

export interface RunnerOptions {
  forgeUrl: string;
  /** Time a pipeline stays pending before an agent picks it up. */
  pendingMs: number;
  /** Time each step takes at least. */
  stepMs: number;
  /** The real work of a rebuild step: pushes the image named by the variables again. */
  rebuild: (variables: Record<string, string>, signal: AbortSignal) => Promise<string>;
  log: (msg: string) => void;
}

export type NextMode = "normal" | "fail" | "hang";

/** Runs manual pipelines: pending → running → success|failure, or killed by a cancel. */
export class Runner {
  private readonly pipelines = new Map<number, Pipeline[]>();
  private readonly aborts = new Map<string, AbortController>();
  private nextId = 1;
  /** Modes queued by the lab's fault switches, consumed one per pipeline. */
  readonly queued: NextMode[] = [];

  constructor(
    readonly repos: RepoDef[],
    private readonly opts: RunnerOptions,
  ) {}

  list(repo: RepoDef): Pipeline[] {
    return [...(this.pipelines.get(repo.id) ?? [])].reverse();
  }

  get(repo: RepoDef, number: number): Pipeline | undefined {
    return this.pipelines.get(repo.id)?.find((p) => p.number === number);
  }

  /** null = no workflow accepts the manual event (Woodpecker answers 204 + Pipeline-Filtered). */
  create(repo: RepoDef, input: { branch: string; variables: Record<string, string>; message?: string }, author: string): Pipeline | null {
    const workflows = repo.workflows.filter((w) => w.events.includes("manual"));
    if (workflows.length === 0) return null;
    const list = this.pipelines.get(repo.id) ?? [];
    this.pipelines.set(repo.id, list);
    const id = this.nextId++;
    const now = unix();
    const p: Pipeline = {
      id,
      number: list.length + 1,
      author,
      parent: 0,
      event: "manual",
      status: "pending",
      errors: null,
      created: now,
      updated: now,
      started: 0,
      finished: 0,
      deploy_to: "",
      commit: createHash("sha1").update(`${repo.owner}/${repo.name}@${input.branch}`).digest("hex"),
      branch: input.branch,
      ref: `refs/heads/${input.branch}`,
      refspec: "",
      message: input.message || `MANUAL PIPELINE @ ${input.branch}`,
      timestamp: now,
      sender: author,
      author_avatar: "",
      author_email: `${author}@lab.test`,
      forge_url: `${this.opts.forgeUrl}/${repo.owner}/${repo.name}/commit/${input.branch}`,
      reviewed_by: "",
      reviewed: 0,
      changed_files: null,
      variables: input.variables,
      workflows: workflows.map((w, i) => workflowOf(id, i + 1, w.name, w.steps)),
    };
    list.push(p);
    const mode = this.queued.shift() ?? "normal";
    const abort = new AbortController();
    this.aborts.set(`${repo.id}/${p.number}`, abort);
    void this.execute(repo, p, mode, abort.signal).finally(() => this.aborts.delete(`${repo.id}/${p.number}`));
    return p;
  }

  /** "not-running" mirrors Woodpecker's 400 for a pipeline that already ended. */
  cancel(repo: RepoDef, number: number): "ok" | "not-found" | "not-running" {
    const p = this.get(repo, number);
    if (!p) return "not-found";
    if (TERMINAL.has(p.status)) return "not-running";
    this.aborts.get(`${repo.id}/${number}`)?.abort();
    finish(p, "killed");
    return "ok";
  }

  stopAll(): void {
    for (const a of this.aborts.values()) a.abort();
  }

  private async execute(repo: RepoDef, p: Pipeline, mode: NextMode, signal: AbortSignal): Promise<void> {
    try {
      await wait(this.opts.pendingMs, signal);
      p.status = "running";
      p.started = p.updated = unix();
      for (const [i, wf] of p.workflows.entries()) {
        const def = repo.workflows.find((w) => w.name === wf.name)!;
        wf.state = "running";
        wf.started = unix();
        for (const step of wf.children) {
          step.state = "running";
          step.started = unix();
          p.updated = unix();
          if (mode === "hang") await wait(Number.MAX_SAFE_INTEGER, signal);
          const failure = await this.runStep(def, step, i === 0 && step === wf.children[0], p.variables, mode, signal);
          step.finished = unix();
          if (failure) {
            step.state = "failure";
            step.exit_code = 1;
            step.error = failure;
            wf.state = "failure";
            break;
          }
          step.state = "success";
        }
        wf.finished = unix();
        if (wf.state === "running") wf.state = "success";
      }
      const failed = p.workflows.some((w) => w.state === "failure");
      finish(p, failed ? "failure" : "success");
      this.opts.log(`woodpecker: ${repo.owner}/${repo.name} #${p.number} ${p.status}`);
    } catch (err) {
      if (signal.aborted) return;
      p.errors = [{ type: "generic", message: err instanceof Error ? err.message : String(err) }];
      finish(p, "error");
    }
  }

  /** A failure message, or null when the step passed. */
  private async runStep(
    def: RepoDef["workflows"][number],
    step: Step,
    first: boolean,
    variables: Record<string, string>,
    mode: NextMode,
    signal: AbortSignal,
  ): Promise<string | null> {
    const started = Date.now();
    let failure: string | null = null;
    if (def.rebuilds && step.name === def.steps[0]) {
      if (mode === "fail") failure = "exit code 1";
      else {
        try {
          this.opts.log(`woodpecker: ${await this.opts.rebuild(variables, signal)}`);
        } catch (err) {
          if (signal.aborted) throw err;
          failure = err instanceof Error ? err.message : String(err);
        }
      }
    } else if (mode === "fail" && first && !def.rebuilds) failure = "exit code 1";
    await wait(Math.max(0, this.opts.stepMs - (Date.now() - started)), signal);
    return failure;
  }
}

function workflowOf(pipelineId: number, pid: number, name: string, steps: string[]): Workflow {
  return {
    id: pipelineId * 100 + pid,
    pipeline_id: pipelineId,
    pid,
    name,
    state: "pending",
    environ: {},
    started: 0,
    finished: 0,
    agent_id: 1,
    platform: "linux/amd64",
    error: "",
    children: steps.map((s, j) => ({
      id: pipelineId * 1000 + pid * 10 + j,
      pipeline_id: pipelineId,
      pid: pid * 10 + j + 1,
      ppid: pid,
      name: s,
      state: "pending" as PipelineStatus,
      error: "",
      exit_code: 0,
      started: 0,
      finished: 0,
      type: "commands" as const,
    })),
  };
}

function finish(p: Pipeline, status: PipelineStatus): void {
  const now = unix();
  p.status = status;
  p.finished = p.updated = now;
  for (const wf of p.workflows) {
    if (!TERMINAL.has(wf.state)) {
      wf.state = status === "killed" ? "killed" : "skipped";
      wf.finished = now;
    }
    for (const s of wf.children)
      if (!TERMINAL.has(s.state)) {
        s.state = s.state === "running" && status === "killed" ? "killed" : "skipped";
        s.finished = now;
      }
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error("canceled"));
    const t = setTimeout(resolve, Math.min(ms, 2_147_000_000));
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        reject(new Error("canceled"));
      },
      { once: true },
    );
  });
}
