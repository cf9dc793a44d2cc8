export { IMPORT_USAGE, type ImportCommandIo, importCommand } from './command.ts'
export type { ImportsTables } from './tables.ts'
export { createSourceReader } from './sources.ts'
