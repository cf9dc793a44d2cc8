import type { Context } from '#src/platform/auth/user.ts'
import { mayReadExempt } from '#src/platform/exemption/readers.ts'
import { isExempt } from '#src/platform/exemption/schedule-12a.ts'
import type { BodiesService, PersonPageSection } from '#src/modules/bodies/index.ts'
import { mayReadMinutes } from '../minutes/index.ts'
import type { MotionsRepository } from './repository.ts'

/**
 * What someone moved or seconded, from minutes this viewer may read: a motion or an amendment under
 * an exempt item they may not read is left out, as the item's minute is.
 */
export function motionsMovedBy(
  motions: MotionsRepository,
  bodies: Pick<BodiesService, 'exemptReadableBodyIds' | 'listBodies'>,
) {
  return async function (ctx: Context, personId: string) {
    const rows = (await motions.movedByPerson(personId)).filter((row) => mayReadMinutes(ctx.user, row.minutesStatus))
    if (rows.length === 0) return []
    const [readable, allBodies] = await Promise.all([
      rows.some(isExempt) ? bodies.exemptReadableBodyIds(ctx) : null,
      bodies.listBodies(ctx),
    ])
    return rows
      .filter((row) => !isExempt(row) || mayReadExempt(readable, row.bodyId))
      .map((row) => ({
        kind: row.kind,
        role: row.moverId === personId ? ('moved' as const) : ('seconded' as const),
        position: row.position,
        motionPosition: row.motionPosition,
        outcome: row.outcome,
        meeting: { slug: row.meetingSlug, date: row.meetingDate },
        body: allBodies.find((body) => body.id === row.bodyId),
        item:
          row.itemPosition === null
            ? null
            : { number: row.itemNumber, title: row.itemTitle, position: row.itemPosition },
      }))
  }
}

/** "Motions and amendments moved" on a person's page; nothing when the minutes record none. */
export function motionsSection(service: { motionsMovedBy: ReturnType<typeof motionsMovedBy> }): PersonPageSection {
  return async (ctx, person) => {
    const moved = await service.motionsMovedBy(ctx, person.id)
    return moved.length === 0 ? null : { template: 'modules/meetings/motions/views/person-motions.njk', data: moved }
  }
}
