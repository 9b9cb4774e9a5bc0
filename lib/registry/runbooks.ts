import type { FindingKind } from "./finding";

/** What to do, per finding kind (shown beside each finding on the registry page). */
export const RUNBOOKS: Record<FindingKind, string> = {
  "orphaned-child":
    "The index still answers 200 but a child manifest answers 404, so pulls of that platform fail. Do NOT delete the index or run GC. Rebuild and push the image (CI rebuild button, or build on the registry VM if CI is down), then press “Verify this image”. Check that the weekly GC does not run with --delete-untagged.",
  "missing-config":
    "The config blob is gone while the manifest still points at it: every pull fails. Rebuild and push the image, then verify it. Look for manual cleanup or a GC that ran against this repo.",
  "missing-layer":
    "A layer blob is gone: pulls fail at that layer. Rebuild and push the image, then verify it. If many images share the layer, rebuild them all (the repo/tag table shows them).",
  "hollow-blob":
    "The registry answers HEAD 200 from its in-memory cache but the data is gone (storage changed under the running registry). Rebuild and push the image; then restart the registry so the cache forgets the blob, and verify (deep) again.",
  malformed:
    "The stored manifest cannot be used by any client (bad JSON, unknown media type, too large, too deeply nested or a cycle). Rebuild and push the image; if it keeps happening, find the tool that pushed it.",
  unauthorized:
    "The registry refused the probe's credentials. Nothing is known about the images. Check the username/password env vars named in the config and the token server; this is not an image failure.",
  "registry-error":
    "The registry failed (5xx, timeout or connection error) while answering. Check the registry's health and logs; run the probe again when it is back. This is not an image failure.",
  "gc-unsafe":
    "The GC dry run would delete a child of a live, tagged index. Do not run garbage-collect with --delete-untagged; run it without -m, or not at all until the tagging is fixed.",
  "dangling-layer-link":
    "The repository links a blob whose data is gone on disk. Pulls that need it fail. Rebuild the images of this repo that use it. The scan is read-only and never deletes.",
  "missing-revision-link":
    "An index child has no revision link in its repository, so the registry answers 404 for it even if the blob data exists. Rebuild and push the image (it re-creates the link).",
};
