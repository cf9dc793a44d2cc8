/** How long an extract of the returns is kept unless the council says otherwise: 13 months. */
export const DEFAULT_RETURN_RETENTION_MONTHS = 13
export { DEFAULT_THRESHOLD } from './disclosure.ts'
