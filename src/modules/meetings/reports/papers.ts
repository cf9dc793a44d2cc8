import type { Db } from '#src/database.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import type { MeetingRow, MeetingsRepository } from '../repository.ts'
import type { MeetingsReads } from '../request-reads.ts'
import type { ReportsRepository } from './repository.ts'
import type { ReportTemplate } from './template.ts'

export interface ReportsDeps {
  db: Db
  meetings: MeetingsRepository
  reports: ReportsRepository
  bodies: BodiesService
  /** The council's report template: its sections' order and headings. */
  reportTemplate: (ctx: Context) => Promise<ReportTemplate>
  /** The council's name, printed as the author of its papers; null while none is set. */
  councilName?: (ctx: Context) => Promise<string | null>
  /** What the module's pages read alike, kept alike (../request-reads.ts). */
  reads: Pick<MeetingsReads, 'meetingBySlug' | 'itemAt' | 'reportOfItem' | 'appendicesOf'>
}

/** Finding a meeting's papers by their address, and whether a viewer may read the body's exempt papers. */
export function createPaperFinder(deps: ReportsDeps) {
  const { bodies, reads } = deps

  async function itemAt(ctx: Context, slug: string, position: number) {
    const meeting = await reads.meetingBySlug(ctx, slug)
    const item = meeting && mayReadAgenda(ctx.user, meeting) ? await reads.itemAt(ctx, meeting.id, position) : undefined
    if (!meeting || !item) throw new NotFoundError('Agenda item')
    return { meeting, item }
  }

  return {
    /**
     * The meeting with `slug` and the item at `position` on its agenda. Throws NotFoundError, also when the agenda is a
     * draft this viewer may not see: every paper of the meeting is found through here.
     */
    itemAt,

    /** The item's report with its meeting and item. Throws NotFoundError when there is none. */
    async reportAt(ctx: Context, slug: string, position: number) {
      const { meeting, item } = await itemAt(ctx, slug, position)
      const report = await reads.reportOfItem(ctx, item.id)
      if (!report) throw new NotFoundError('Report')
      return { meeting, item, report }
    },

    /** Whether this viewer may read the exempt papers of the meeting's body. */
    async mayRead(ctx: Context, meeting: Pick<MeetingRow, 'bodyId'>) {
      return mayReadExempt(await bodies.exemptReadableBodyIds(ctx), meeting.bodyId)
    },
  }
}

export type PaperFinder = ReturnType<typeof createPaperFinder>
