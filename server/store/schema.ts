import type { ChromeTables } from "./tables/chrome";
import type { CiTables } from "./tables/ci";
import type { FoundationTables } from "./tables/foundation";
import type { RedisTables } from "./tables/redis";
import type { RegistryTables } from "./tables/registry";

export interface Database extends FoundationTables, RegistryTables, ChromeTables, RedisTables, CiTables {}
