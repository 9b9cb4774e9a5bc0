/** Tables owned by the registry area (added by its migrations). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegistryTables {}
