import type { LabService } from "../lib/context";
import { oidcService } from "./oidc";

/** Every service the lab starts. Each area adds its own module here. */
export const labServices: LabService[] = [oidcService];
