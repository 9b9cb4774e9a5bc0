import { z } from "zod";
import { duration } from "../duration";
import { HttpUrl } from "./common";

export const CiSection = z
  .object({
    woodpecker: z
      .object({
        url: HttpUrl,
        /** Where people open pipelines, when the UI is not served at `url` (default: `url`). */
        webUrl: HttpUrl.optional(),
        tokenEnv: z.string().min(1),
        /** Per request. */
        timeout: duration("10s"),
        /** How long a rebuild watches its pipeline before it gives up and says so. */
        watchFor: duration("30m"),
        pollEvery: duration("2s"),
      })
      .strict(),
  })
  .strict()
  .optional();
