/**
 * The Woodpecker data the stand-in serves, shaped like Woodpecker's JSON (server/model in
 * woodpecker-ci/woodpecker): repos, pipelines with workflows and steps, unix-second times.
 */

export type PipelineStatus =
  "pending" | "running" | "success" | "failure" | "killed" | "canceled" | "error" | "blocked" | "declined" | "skipped" | "created";

export const TERMINAL: ReadonlySet<PipelineStatus> = new Set(["success", "failure", "killed", "canceled", "error", "declined", "skipped"]);

export interface WorkflowDef {
  name: string;
  /** Events the workflow's `when:` accepts. */
  events: string[];
  steps: string[];
  /** Rebuilds the image named by the REBUILD_IMAGE variable. */
  rebuilds?: boolean;
}

export interface RepoDef {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  workflows: WorkflowDef[];
}

export interface Step {
  id: number;
  pipeline_id: number;
  pid: number;
  ppid: number;
  name: string;
  state: PipelineStatus;
  error: string;
  exit_code: number;
  started: number;
  finished: number;
  type: "commands";
}

export interface Workflow {
  id: number;
  pipeline_id: number;
  pid: number;
  name: string;
  state: PipelineStatus;
  environ: Record<string, string>;
  started: number;
  finished: number;
  agent_id: number;
  platform: string;
  error: string;
  children: Step[];
}

export interface Pipeline {
  id: number;
  number: number;
  author: string;
  parent: number;
  event: "manual";
  status: PipelineStatus;
  errors: { type: string; message: string }[] | null;
  created: number;
  updated: number;
  started: number;
  finished: number;
  deploy_to: string;
  commit: string;
  branch: string;
  ref: string;
  refspec: string;
  message: string;
  timestamp: number;
  sender: string;
  author_avatar: string;
  author_email: string;
  forge_url: string;
  reviewed_by: string;
  reviewed: number;
  changed_files: string[] | null;
  variables: Record<string, string>;
  workflows: Workflow[];
}

export const unix = () => Math.floor(Date.now() / 1000);

export function repoJson(r: RepoDef, forge: string) {
  return {
    id: r.id,
    forge_id: 1,
    forge_remote_id: String(100 + r.id),
    org_id: 1,
    owner: r.owner,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    avatar_url: "",
    forge_url: `${forge}/${r.owner}/${r.name}`,
    clone_url: `${forge}/${r.owner}/${r.name}.git`,
    clone_url_ssh: "",
    default_branch: r.defaultBranch,
    pr_enabled: true,
    scm: "git",
    timeout: 60,
    visibility: "private",
    private: true,
    trusted: { network: false, volumes: false, security: false },
    require_approval: "forks",
    active: true,
    allow_pr: true,
    allow_deploy: false,
    config_file: "",
    cancel_previous_pipeline_events: null,
    netrc_trusted: [],
  };
}

/** Pipeline list entries carry no workflows (as Woodpecker's list endpoint). */
export const listEntry = (p: Pipeline) => ({ ...p, workflows: undefined });
