import type { Db } from '#src/database.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsRepository } from './repository.ts'

/** Splits meetings into upcoming (today or later, soonest first) and past (latest first). */
export function splitByDate<T extends { date: string }>(meetings: T[], today: string) {
  return {
    upcoming: meetings.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date)),
    past: meetings.filter((m) => m.date < today).sort((a, b) => b.date.localeCompare(a.date)),
  }
}

export function createMeetingsService(deps: { db: Db; repository: MeetingsRepository; clock: Clock; bodies: BodiesService }) {
  const { repository: repo, clock } = deps
  return {
    /** A body's meetings, split into upcoming and past by the app's today. */
    async meetingsOfBody(_ctx: Context, bodyId: string) {
      return splitByDate(await repo.meetingsOfBody(bodyId), clock.today())
    },

    /** The calendar: every meeting (or one body's), optionally within dates. */
    async listMeetings(_ctx: Context, filter: { bodyId?: string; from?: string; to?: string } = {}) {
      return repo.listMeetings(filter)
    },

    async calendar(ctx: Context, filter: { bodyId?: string } = {}) {
      return splitByDate(await repo.listMeetings(filter), clock.today())
    },
  }
}

export type MeetingsService = ReturnType<typeof createMeetingsService>
