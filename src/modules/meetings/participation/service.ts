import type { Context } from '#src/platform/auth/user.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import { mayReadMinutes } from '../minutes/index.ts'
import type { MeetingsDeps } from '../service.ts'

/** How many public questions and motions a body's meetings had, as each viewer may read them. */
export function createParticipationService(deps: Pick<MeetingsDeps, 'reads'>) {
  // The body's meetings as the body page reads them, with their counts.
  const { bodyMeetingsOf } = deps.reads
  return {
    /**
     * For each meeting of the body, its date and the public questions and motions this viewer may
     * read: questions once its agenda is readable to them (as on the meeting page), motions once its
     * minutes are. Meetings with neither are left out.
     */
    async participationOf(ctx: Context, bodyId: string) {
      const meetings = (await bodyMeetingsOf(ctx, bodyId)).map((row) => row.participation)
      return meetings
        .map((meeting) => ({
          date: meeting.date,
          questions: mayReadAgenda(ctx.user, meeting) ? meeting.questions : 0,
          motions: mayReadMinutes(ctx.user, meeting.minutesStatus) ? meeting.motions : 0,
        }))
        .filter((meeting) => meeting.questions > 0 || meeting.motions > 0)
    },
  }
}
