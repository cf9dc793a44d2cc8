export type { JobsTables } from './tables.ts'
export { type Job, type JobQueue, createJobQueue } from './queue.ts'
export { type JobHandler, type JobRunResult, PermanentJobError, createJobRunner, startJobLoop } from './runner.ts'
