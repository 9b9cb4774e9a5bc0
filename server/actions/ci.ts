"use server";

import { cancelPipelineDef, rebuildImageDef, runCancelPipeline, runRebuildImage } from "../services/ci/action-defs";
import { defineAction } from "./define";

/** Starts the image's CI pipeline; the panel watches it and re-verifies the image when it succeeds. */
export const rebuildImageAction = defineAction(rebuildImageDef, runRebuildImage);

/** Cancels a pipeline started from the panel. */
export const cancelPipelineAction = defineAction(cancelPipelineDef, runCancelPipeline);
