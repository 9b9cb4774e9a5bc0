import type { FindingKind, PathStep } from "./finding";

const short = (d: string | null) => (d ? `${d.slice(0, 19)}…` : "");

/** The path as one line: "infra-ci:latest → linux/amd64 child sha256:98f7…". */
export function formatPath(path: PathStep[]): string {
  return path.map((p, i) => (i === 0 ? p.label : `${p.label}${p.digest ? ` ${short(p.digest)}` : ""}`)).join(" → ");
}

const WHAT: Record<FindingKind, string> = {
  "orphaned-child": "orphaned index child — rebuild the image; do not delete the index",
  "missing-config": "config blob missing — rebuild the image; pulls fail at the config",
  "missing-layer": "layer blob missing — rebuild the image; pulls fail at this layer",
  "hollow-blob":
    "hollow blob (HEAD says 200 but the bytes are gone; the registry's cache hides it) — rebuild the image, then restart the registry",
  malformed: "malformed manifest — the registry holds bytes no client can use; rebuild the image",
  unauthorized: "the registry refused our credentials — check the probe's credentials; this says nothing about the images",
  "registry-error": "the registry failed while answering — check the registry, then run the probe again",
  "gc-unsafe": "do not run GC: this child of a live tagged index would be deleted",
  "dangling-layer-link": "layer link without blob data — pulls of this repo will fail at this blob",
  "missing-revision-link": "index child without a revision link — the registry answers 404 for it",
};

/** One line an on-call can act on at 3 a.m. */
export function diagnose(kind: FindingKind, path: PathStep[], httpStatus: number | null, code: string | null): string {
  const answer = httpStatus
    ? ` returns ${httpStatus}${code && !code.startsWith("HTTP_") ? ` ${code}` : ""}`
    : code
      ? ` failed (${code.toLowerCase().replace(/_/g, " ")})`
      : "";
  return `${formatPath(path)}${answer}: ${WHAT[kind]}`;
}
