export { IMPORT_USAGE, importCommand } from './command.ts'
export type { ImportsTables } from './tables.ts'
export { createSourceReader } from './sources.ts'
