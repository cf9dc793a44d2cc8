import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { type DemoLookup, demoDate, demoSlug, demoText } from '#src/platform/demo/records.ts'
import { STATUSES } from './schema.ts'

/**
 * One recommendation: `responsible` is a person's slug (null when none is named), `madeAt` the
 * resolution in the minutes it comes from, and `targetDate` null while it is to be confirmed.
 */
const recommendation = z.strictObject({
  number: demoText,
  madeOn: demoDate,
  text: demoText,
  targetDate: demoDate.nullable(),
  responsible: demoSlug.nullable(),
  status: z.enum(STATUSES),
  completedOn: demoDate.nullable().default(null),
  madeAt: z.strictObject({ meeting: demoSlug, item: z.int().min(1), resolution: z.int().min(1) }).optional(),
  updates: z.array(z.strictObject({ on: demoDate, author: demoText, text: demoText })),
})

/** The demo's recommendations tracker of the body with slug `body` (ADR 9). */
export const demoRecommendationsSchema = z.strictObject({ body: demoSlug, recommendations: z.array(recommendation) })

export type DemoRecommendations = z.output<typeof demoRecommendationsSchema>

/** Where a recommendation was made: its meeting, agenda item and resolution. */
type ResolutionLookup = (
  meeting: string,
  item: number,
  resolution: number,
) => { meetingId: string; agendaItemId: string; resolutionId: string }

export async function loadDemoRecommendations(
  trx: Trx,
  records: DemoRecommendations,
  refs: { bodyId: DemoLookup; personId: DemoLookup; resolution: ResolutionLookup },
): Promise<void> {
  if (records.recommendations.length === 0) return
  const bodyId = refs.bodyId(records.body)
  const inserted = await trx
    .insertInto('recommendations')
    .values(
      records.recommendations.map(({ responsible, madeAt, updates: _updates, ...recommendation }) => ({
        ...recommendation,
        ...(madeAt
          ? refs.resolution(madeAt.meeting, madeAt.item, madeAt.resolution)
          : { meetingId: null, agendaItemId: null, resolutionId: null }),
        bodyId,
        responsiblePersonId: responsible === null ? null : refs.personId(responsible),
      })),
    )
    .returning(['id', 'number'])
    .execute()
  const recommendationId = new Map(inserted.map((row) => [row.number, row.id]))
  const updates = records.recommendations.flatMap(({ number, updates: dated }) =>
    dated.map((update) => ({
      recommendationId: recommendationId.get(number)!,
      onDate: update.on,
      authorName: update.author,
      text: update.text,
    })),
  )
  if (updates.length > 0) await trx.insertInto('recommendationUpdates').values(updates).execute()
}
