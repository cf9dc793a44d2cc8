import { type RawBuilder, sql } from 'kysely'
import { can } from '#src/platform/auth/permissions.ts'
import type { User } from '#src/platform/auth/user.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'

/** What the rule reads of a meeting: when its agenda was published, null while it is a draft. */
export interface AgendaPublication {
  agendaPublishedOn: string | null
}

/**
 * Whether this viewer may see the agenda of a meeting: its items, their reports and appendices.
 * A meeting's notice is public once it is scheduled, but its agenda is a draft until published
 * (Local Government Act 1972 s100B): until then only the staff who prepare the papers see it, not
 * members and not the public.
 */
export function mayReadAgenda(user: User | null, meeting: AgendaPublication): boolean {
  return meeting.agendaPublishedOn !== null || can(user, 'agendas:read-draft')
}

/**
 * Throws NotFoundError (`what`) unless this viewer may see the meeting's agenda: a draft answers
 * those who may not see it exactly as a paper that does not exist.
 */
export function assertAgendaReadable(user: User | null, meeting: AgendaPublication, what: string): void {
  if (!mayReadAgenda(user, meeting)) throw new NotFoundError(what)
}

/**
 * The same rule in SQL, for queries that answer every viewer alike as the public (search): the agenda
 * of the meeting aliased `alias` is published.
 */
export function agendaPublishedSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.agenda_published_on`)} is not null`
}
