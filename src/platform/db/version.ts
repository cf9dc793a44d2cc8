import { type Generated, sql } from 'kysely'

/**
 * The version of a record people change through edit forms: 1 when written, one more with each
 * update that changes what its form shows. An update made from a form applies only where the
 * version is still the one the form was opened at (see platform/audit/edit-conflict.ts).
 */
export type Version = Generated<number>

/** The version an update sets: one more than the row's, in the same statement that checks it. */
export const nextVersion = () => sql<number>`version + 1`
