import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { demoDate, demoLookup, demoSlug, demoText } from '#src/platform/demo/records.ts'
import { ASPIRATIONS, POLARITIES, UNITS } from './tables.ts'

/** One indicator in one period (by the period's slug): a target or an aspiration, never both. */
const value = z
  .strictObject({
    period: demoSlug,
    target: z.number().optional(),
    aspiration: z.enum(ASPIRATIONS).optional(),
    actual: z.number().optional(),
    note: z.string().optional(),
  })
  .refine((v) => v.target === undefined || v.aspiration === undefined, 'A target or an aspiration, not both')

const indicator = z.strictObject({
  code: demoText,
  name: demoText,
  group: demoText,
  unit: z.enum(UNITS),
  polarity: z.enum(POLARITIES),
  decimals: z.int().min(0).max(3),
  reference: z.string().default(''),
  definition: z.string().default(''),
  source: z.string().default(''),
  owner: z.string().default(''),
  values: z.array(value),
})

/**
 * The demo's outcomes framework (ADR 9): its periods and published indicators in order, each value
 * with the provenance and the name of whoever entered it.
 */
export const demoIndicatorsSchema = z
  .strictObject({
    provenance: demoText,
    enteredBy: demoText,
    periods: z.array(z.strictObject({ slug: demoSlug, name: demoText, endsOn: demoDate, isBaseline: z.boolean() })),
    groups: z.array(z.strictObject({ key: demoText, name: demoText })),
    indicators: z.array(indicator),
  })
  .superRefine((records, ctx) => {
    const groups = new Set(records.groups.map((group) => group.key))
    for (const [index, { group }] of records.indicators.entries())
      if (!groups.has(group))
        ctx.addIssue({ code: 'custom', path: ['indicators', index, 'group'], message: `No group ${group}` })
    const codes = new Set<string>()
    const periods = new Set(records.periods.map((period) => period.slug))
    for (const [index, { code, values }] of records.indicators.entries()) {
      if (codes.has(code)) ctx.addIssue({ code: 'custom', path: ['indicators', index, 'code'], message: 'Repeated' })
      codes.add(code)
      const seen = new Set<string>()
      for (const [at, { period }] of values.entries()) {
        const path = ['indicators', index, 'values', at, 'period']
        if (!periods.has(period)) ctx.addIssue({ code: 'custom', path, message: `No period ${period}` })
        if (seen.has(period)) ctx.addIssue({ code: 'custom', path, message: `Two values for ${period}` })
        seen.add(period)
      }
    }
  })

export type DemoIndicators = z.output<typeof demoIndicatorsSchema>

export async function loadDemoIndicators(trx: Trx, records: DemoIndicators): Promise<void> {
  const periods = records.periods.length
    ? await trx.insertInto('indicatorPeriods').values(records.periods).returning(['id', 'slug']).execute()
    : []
  const periodId = demoLookup(
    'the period',
    periods.map((period) => [period.slug, period.id] as const),
  )
  if (records.groups.length > 0)
    await trx
      .insertInto('indicatorGroups')
      .values(records.groups.map((group, position) => ({ ...group, position })))
      .execute()
  if (records.indicators.length === 0) return
  const indicators = await trx
    .insertInto('indicators')
    .values(
      records.indicators.map(({ values: _values, group, ...indicator }, position) => ({
        ...indicator,
        indicatorGroup: group,
        published: true,
        position,
      })),
    )
    .returning(['id', 'code'])
    .execute()
  const indicatorId = new Map(indicators.map((row) => [row.code, row.id]))
  const values = records.indicators.flatMap(({ code, values: figures }) =>
    figures.map((value) => ({
      indicatorId: indicatorId.get(code)!,
      periodId: periodId(value.period),
      target: value.target ?? null,
      aspiration: value.aspiration ?? null,
      actual: value.actual ?? null,
      actualCount: null,
      england: null,
      region: null,
      statisticalNeighbours: null,
      benchmarkSource: '',
      note: value.note ?? '',
      provenance: records.provenance,
      suppressed: false,
      enteredBy: records.enteredBy,
    })),
  )
  if (values.length > 0) await trx.insertInto('indicatorValues').values(values).execute()
}
