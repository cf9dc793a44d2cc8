import type { BodiesService } from '#src/modules/bodies/index.ts'
import { can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { groupBy } from '#src/platform/collections.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { mayReadAgenda } from '../agenda/visibility.ts'
import type { MeetingsReads } from '../request-reads.ts'
import { type ItemDocumentView, itemDocumentsForViewer } from './view.ts'

/** The documents linked to a meeting's agenda items, as each viewer may see them. */
export function createItemDocumentsService(deps: { bodies: BodiesService; reads: Pick<MeetingsReads, 'documentsOf'> }) {
  return {
    /**
     * The documents of each item of the meeting this viewer may see, by the item's id: none while the
     * agenda is a draft to them, no exempt ones they may not read, and those not yet imported only to
     * those who keep the record.
     */
    async itemDocumentsOf(
      ctx: Context,
      meeting: { id: string; bodyId: string; agendaPublishedOn: string | null },
    ): Promise<Map<string, ItemDocumentView[]>> {
      if (!mayReadAgenda(ctx.user, meeting)) return new Map()
      const [rows, readable] = await Promise.all([
        deps.reads.documentsOf(ctx, meeting.id),
        deps.bodies.exemptReadableBodyIds(ctx),
      ])
      const viewer = {
        mayReadExempt: mayReadExempt(readable, meeting.bodyId),
        seesMissing: can(ctx.user, 'meetings:edit'),
      }
      return groupBy(itemDocumentsForViewer(rows, viewer), (document) => document.agendaItemId)
    },
  }
}
