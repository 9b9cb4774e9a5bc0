import { z } from "zod";
import { duration } from "../duration";
import { HttpUrl } from "./common";

export const CiSection = z
  .object({
    woodpecker: z
      .object({
        url: HttpUrl,
        tokenEnv: z.string().min(1),
        timeout: duration("10s"),
        watchFor: duration("30m"),
      })
      .strict(),
  })
  .strict()
  .optional();
