import type { LabService } from "../lib/context";
import { oidcService } from "./oidc";
import { prometheusService } from "./prometheus";
import { registryService } from "./registry";
import { redisService } from "./redis";
import { chromeService } from "./chrome";
import { woodpeckerService } from "./woodpecker";

/** Every service the lab starts. Each area adds its own module here. */
export const labServices: LabService[] = [oidcService, chromeService, redisService, registryService, prometheusService, woodpeckerService];
