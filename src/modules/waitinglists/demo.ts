import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { demoMonth, demoSlug, demoText } from '#src/platform/demo/records.ts'

const weeksOrCount = z.int().min(0).nullable().default(null)

/** One month's figures for one service; a figure the source does not give is null. */
const figures = z.strictObject({
  month: demoMonth,
  referralsWaiting: weeksOrCount,
  over18Weeks: weeksOrCount,
  over52Weeks: weeksOrCount,
  over78Weeks: weeksOrCount,
  averageWeeks: weeksOrCount,
  longestWeeks: weeksOrCount,
  source: demoText,
  note: z.string().default(''),
})

/** The demo's health services, in the dashboard's order, with their figures month by month (ADR 9). */
export const demoWaitingListsSchema = z.strictObject({
  /** Who entered the figures, as every figure records it. */
  enteredBy: demoText,
  services: z.array(
    z.strictObject({
      slug: demoSlug,
      name: demoText,
      provider: demoText,
      waitsTo: demoText,
      figures: z.array(figures),
    }),
  ),
})

export type DemoWaitingLists = z.output<typeof demoWaitingListsSchema>

export async function loadDemoWaitingLists(trx: Trx, records: DemoWaitingLists): Promise<void> {
  if (records.services.length === 0) return
  const services = await trx
    .insertInto('healthServices')
    .values(records.services.map(({ figures: _figures, ...service }, position) => ({ ...service, position })))
    .returning(['id', 'slug'])
    .execute()
  const serviceId = new Map(services.map((row) => [row.slug, row.id]))
  const figures = records.services.flatMap(({ slug, figures: months }) =>
    months.map((month) => ({ ...month, serviceId: serviceId.get(slug)!, enteredBy: records.enteredBy })),
  )
  if (figures.length > 0) await trx.insertInto('waitingListFigures').values(figures).execute()
}
