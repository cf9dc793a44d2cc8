import type { Logger } from 'kysely'

export interface QueryCounter {
  /** Kysely's `log` option: called once for every statement the database is sent. */
  log: Logger
  /** What `work` gave and how many statements it sent the database, BEGIN and COMMIT included. */
  count<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }>
}

/**
 * Counts statements, to hold a page or a form to a number of queries: a service that walks records
 * one query at a time passes every other test and shows only here.
 */
export function createQueryCounter(): QueryCounter {
  let sent = 0
  return {
    log: () => {
      sent++
    },
    async count(work) {
      const before = sent
      const result = await work()
      return { result, queries: sent - before }
    },
  }
}
