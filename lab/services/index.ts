import type { LabService } from "../lib/context";
import { oidcService } from "./oidc";
import { registryService } from "./registry";
import { redisService } from "./redis";
import { chromeService } from "./chrome";

/** Every service the lab starts. Each area adds its own module here. */
export const labServices: LabService[] = [oidcService, chromeService, redisService, registryService];
