import type { Trx } from '#src/database.ts'
import type { Aspiration, IndicatorGroup, IndicatorPolarity, IndicatorUnit } from '#src/modules/indicators/tables.ts'

/**
 * The outcomes framework of the Children’s Social Care Improvement Plan (Appendix 8(b) of the
 * 25 January 2024 pack): "How we will measure success", the quality of practice found by audit and
 * the outputs under the plan’s four outcomes, each with its April 2023 baseline, the targets for
 * October 2023, March 2024 and October 2024, and October 2023’s actual where the paper gives one.
 * Rows the paper lists without figures are kept, with no values, so the framework is whole.
 */

const PROVENANCE = 'Children’s Social Care Improvement Plan, Appendix 8(b), 25 January 2024 agenda'
const OUTPUTS = 'Children’s Social Care'
const AUDIT = 'Practice audit'
const SDQ = 'Strengths and difficulties questionnaire. Collected yearly at present; the service wants it more often.'
const HIGHER = 'higher is better'
const LOWER = 'lower is better'

export const DEMO_PERIODS: { slug: string; name: string; endsOn: string; isBaseline: boolean }[] = [
  { slug: 'baseline-april-2023', name: 'Baseline April 2023', endsOn: '2023-04-30', isBaseline: true },
  { slug: '2023-10', name: 'October 2023', endsOn: '2023-10-31', isBaseline: false },
  { slug: '2024-03', name: 'March 2024', endsOn: '2024-03-31', isBaseline: false },
  { slug: '2024-10', name: 'October 2024', endsOn: '2024-10-31', isBaseline: false },
]

export interface DemoIndicator {
  code: string
  name: string
  group: IndicatorGroup
  unit: IndicatorUnit
  polarity: IndicatorPolarity
  decimals: number
  reference?: string
  definition?: string
  source?: string
  owner?: string
  values: { period: string; target?: number; actual?: number; aspiration?: Aspiration; note?: string }[]
}

type Figure = number | null
/**
 * The paper’s columns in order: the April 2023 baseline, October 2023’s target and actual, and the
 * targets for March and October 2024. A blank cell is null and gives no value.
 */
type Row = [baseline: Figure, target2023: Figure, actual2023: Figure, target202403: Figure, target202410: Figure]
const NO_FIGURES: Row = [null, null, null, null, null]

function figures([baseline, target2023, actual2023, target202403, target202410]: Row): DemoIndicator['values'] {
  const values: DemoIndicator['values'] = []
  if (baseline !== null) values.push({ period: 'baseline-april-2023', actual: baseline })
  if (target2023 !== null || actual2023 !== null) {
    const october = { period: '2023-10', ...(target2023 === null ? {} : { target: target2023 }) }
    values.push(actual2023 === null ? october : { ...october, actual: actual2023 })
  }
  if (target202403 !== null) values.push({ period: '2024-03', target: target202403 })
  if (target202410 !== null) values.push({ period: '2024-10', target: target202410 })
  return values
}

/** Outputs are listed under their outcome, which gives their group. */
type Ungrouped = Omit<DemoIndicator, 'group'>
type OutputArgs = [code: string, name: string, polarity: IndicatorPolarity, row: Row, more?: Partial<Ungrouped>]

function output(unit: IndicatorUnit, ...[code, name, polarity, row, more]: OutputArgs): Ungrouped {
  return { code, name, unit, polarity, decimals: 0, source: OUTPUTS, values: figures(row), ...more }
}
const rate = (...args: OutputArgs) => output('rate per 10000', ...args)
const percent = (...args: OutputArgs) => output('percentage', ...args)
const count = (...args: OutputArgs) => output('count', ...args)
const score = (...args: OutputArgs) => output('score', ...args)

const OUTCOME_1: Ungrouped[] = [
  // The paper writes the October 2023 target as "400/100000"; the rest of the row is per 10,000 and
  // the later targets are 400/10000, so it is 400 per 10,000.
  rate('OF1.1', 'Early Help assessment rate per 10,000', HIGHER, [384, 400, null, 400, 400]),
  rate('OF1.2', 'Rate of children with an active Early Help plan per 10,000', HIGHER, [292, 300, null, 325, 350]),
  rate('OF1.3', 'Referral rate per 10,000', LOWER, [833, 825, 798, 810, 800]),
  percent('OF1.4', '% of referrals which are repeat referrals', LOWER, [21, 20, 20, 20, 20]),
  rate('OF1.5', 'Rate of assessments completed per 10,000', HIGHER, [1008, 1012, null, null, null]),
  percent(
    'OF1.6',
    '% of children supported in an interim care order for more than 26 weeks',
    LOWER,
    [39, 35, 43, 30, 25],
  ),
  percent(
    'OF1.7',
    'Attendance rate for children supported at Early Help, child in need or child protection level',
    HIGHER,
    [82, 85, null, 87, 90],
  ),
  rate('OF1.8', 'Rate of new entrants to care, in line with statistical neighbours', LOWER, [60, 58, 57, 57, 55]),
  rate('OF1.9', 'Rate of children in care, in line with statistical neighbours', LOWER, [184, 184, 186, 180, 175]),
]

const OUTCOME_2: Ungrouped[] = [
  count('OF2.1', 'Number of families who have had a family group conference', HIGHER, NO_FIGURES),
  count('OF2.2', 'Number of children who have been supported through Lifelong Links', HIGHER, NO_FIGURES),
  count(
    'OF2.3',
    'Number of children who have been supported to return safely to their immediate or wider family’s care',
    HIGHER,
    NO_FIGURES,
  ),
  percent('OF2.4', '% of children in care living with their family networks', HIGHER, [16, 16, 16, 16, 17]),
]

const OUTCOME_3: Ungrouped[] = [
  rate('OF3.1', 'Rate of section 47 investigations per 10,000', LOWER, [478, 450, 422, 400, 350]),
  rate(
    'OF3.2',
    'Rate of section 47 investigations which result in an initial child protection conference',
    LOWER,
    [141, 120, 112, 110, 100],
  ),
  rate('OF3.3', 'Rate of children supported by a child protection plan per 10,000', LOWER, [128, 117, 110, 105, 90]),
  percent('OF3.4', '% of children who have had a repeat child protection plan', LOWER, [35, 33, 34, 30, 28]),
  count('OF3.5', 'Number of children supported through pre-proceedings', LOWER, [78, 63, 33, 50, 40]),
]

const OUTCOME_4: Ungrouped[] = [
  percent('OF4.1', '% of interim care orders over 26 weeks', LOWER, [39, 35, 43, 30, 25]),
  percent('OF4.2', '% of children in care living in foster care', HIGHER, [66, 66, 68, 67, 68]),
  percent('OF4.3', '% of children in care living in residential care', LOWER, [14.5, 13, 13, 11, 10], { decimals: 1 }),
  percent('OF4.4', '% of children living more than 20 miles from Blackpool', LOWER, [14.9, 14.5, null, 14, 13.5], {
    decimals: 1,
  }),
  percent('OF4.5', 'Stability of placements of children in care', HIGHER, [56, 57, 56, 58, 60]),
  percent('OF4.6', '% of Our Children with an up-to-date SDQ score', HIGHER, [50, null, null, 80, null], {
    definition: SDQ,
  }),
  score(
    'OF4.7',
    'Average SDQ score, in line with the England average and statistical neighbours',
    LOWER,
    [16, null, null, 14, null],
    { definition: SDQ },
  ),
  percent(
    'OF4.8',
    '% of Our Children in the SDQ concern band, reducing in line with the England average and statistical neighbours',
    LOWER,
    [40, null, null, 35, null],
    { definition: SDQ },
  ),
  score('OF4.9', 'Progress and attainment in Key Stage results for children in care', HIGHER, NO_FIGURES, {
    definition: 'No figures yet: the plan means to take a baseline in October 2023 and set a target for October 2024.',
  }),
  percent('OF4.10', 'Attendance rate for Our Children', HIGHER, [93, 94, null, 95, 95]),
  percent('OF4.11', '% of care leavers with whom we are in touch', HIGHER, [89, 92, null, 95, 100]),
  percent(
    'OF4.12',
    '% of care leavers aged 17 to 18 in education, employment or training',
    HIGHER,
    [56, 58, 51, 60, 62],
  ),
  percent(
    'OF4.13',
    '% of care leavers aged 19 to 21 in education, employment or training',
    HIGHER,
    [58, 60, 59, 62, 64],
  ),
  percent('OF4.14', '% of care leavers in sustained education, employment or training', HIGHER, NO_FIGURES, {
    definition: 'How this is measured is still to be agreed, so there are no figures yet.',
  }),
  percent('OF4.15', '% of care leavers in suitable accommodation', HIGHER, [95, 95, 95, 95, 95]),
]

/** A practice obsession: the share of audited work found good; October 2023’s actual is that audit’s outcome. */
function practice(reference: string, name: string, row: Row): DemoIndicator {
  return {
    code: reference === '' ? 'PQ-ALL' : `PQ${reference}`,
    name,
    group: 'practice quality',
    unit: 'percentage',
    polarity: HIGHER,
    decimals: 0,
    reference,
    definition: 'Percentage of the work audited that was identified as good.',
    source: AUDIT,
    values: figures(row),
  }
}

const PRACTICE_QUALITY: DemoIndicator[] = [
  practice('4', 'Timely, analytical and comprehensive assessments', [48, 60, 42, 70, 70]),
  practice('6', 'Timely and effective plans', [39, 50, 41, 65, 70]),
  practice('5', 'Effective co-ordination between agencies', [55, 60, 52, 75, 80]),
  practice('8', 'Regular and timely reviews', [39, 50, 59, 65, 70]),
  practice('2', 'Child-centred work', [39, 50, 47, 65, 70]),
  practice('10', 'Improving outcomes for children', [34, 50, 45, 60, 70]),
  practice('3', 'Effective management oversight', [30, 50, 46, 65, 80]),
  practice('', 'Overall grade', [29, 50, 48, 60, 70]),
]

const inGroup = (group: IndicatorGroup, indicators: Ungrouped[]): DemoIndicator[] =>
  indicators.map((indicator) => ({ ...indicator, group }))

export const DEMO_INDICATORS: DemoIndicator[] = [
  ...PRACTICE_QUALITY,
  ...inGroup('outcome 1', OUTCOME_1),
  ...inGroup('outcome 2', OUTCOME_2),
  ...inGroup('outcome 3', OUTCOME_3),
  ...inGroup('outcome 4', OUTCOME_4),
]

export async function insertDemoIndicators(trx: Trx): Promise<void> {
  const periods = await trx.insertInto('indicatorPeriods').values(DEMO_PERIODS).returning(['id', 'slug']).execute()
  const periodIds = new Map(periods.map((period) => [period.slug, period.id]))
  for (const [position, demo] of DEMO_INDICATORS.entries()) {
    const { values, group, reference = '', definition = '', source = '', owner = '', ...rest } = demo
    const indicator = await trx
      .insertInto('indicators')
      .values({ ...rest, indicatorGroup: group, reference, definition, source, owner, published: true, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (values.length === 0) continue
    await trx
      .insertInto('indicatorValues')
      .values(
        values.map((value) => {
          const periodId = periodIds.get(value.period)
          if (!periodId) throw new Error(`${demo.code}: there is no demo period ${value.period}`)
          return {
            indicatorId: indicator.id,
            periodId,
            target: value.target ?? null,
            aspiration: value.aspiration ?? null,
            actual: value.actual ?? null,
            actualCount: null,
            england: null,
            region: null,
            statisticalNeighbours: null,
            benchmarkSource: '',
            note: value.note ?? '',
            provenance: PROVENANCE,
            enteredBy: 'demo data',
          }
        }),
      )
      .execute()
  }
}
