export { IMPORT_USAGE, importCommand } from './command.ts'
