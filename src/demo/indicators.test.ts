import { seedLines } from '../../test/support/seeds.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import type { DemoIndicators } from '#src/modules/indicators/index.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { openDemoDatabase } from '../../test/support/demo-database.ts'
import { readDemoDataset } from './dataset.ts'

const { indicators: DEMO_INDICATORS, periods: DEMO_PERIODS, provenance } = readDemoDataset().indicators

/**
 * Checks the demo outcomes framework against the council paper it was transcribed from: the
 * "How we will measure success" tables of Appendix 8(b), 25 January 2024, read from the seed text.
 */
const SEED_LINES = seedLines('000_584beb4c97a436e5.txt')
const lines = SEED_LINES ?? []

function linesBetween(start: string, end: string): string[][] {
  const from = lines.indexOf(start)
  const to = lines.indexOf(end, from)
  expect(from, start).toBeGreaterThan(-1)
  expect(to, end).toBeGreaterThan(from)
  return lines
    .slice(from + 1, to)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((cell) => cell.replace(/<[^>]+>/g, '').trim()))
}

type Values = DemoIndicators['indicators'][number]['values']
interface PaperRow {
  code: string
  group: string
  name: string
  cells: string[]
  values: Values
}

/** The leading figure of a cell ("35% Actual 43%" → 35), or undefined for a blank or a heading. */
const leading = (cell = '') => (/^\d+(\.\d+)?/.exec(cell) ? Number.parseFloat(cell) : undefined)
const actualIn = (cell = '') => {
  const match = /Actual (\d+(\.\d+)?)/.exec(cell)
  return match ? Number.parseFloat(match[1]) : undefined
}

function value(period: string, target: number | undefined, actual: number | undefined): Values {
  if (target === undefined && actual === undefined) return []
  return [{ period, ...(target === undefined ? {} : { target }), ...(actual === undefined ? {} : { actual }) }]
}

function practiceRows(): PaperRow[] {
  const rows = linesBetween(
    'How we will measure success (Quality of our practice)',
    'How we will measure success (outputs)',
  )
  const headings = rows.filter((cells) => cells[1] === 'Our practice obsessions' || cells[2] === 'Outcome')
  expect(headings).toHaveLength(2)
  return rows
    .filter((cells) => !headings.includes(cells))
    .map((cells) => {
      const [reference = '', name = '', baseline, target2023, outcome2023, ...later] = cells
      const [target202403, outcome202403, target202410, outcome202410] = later
      return {
        code: reference === '' ? 'PQ-ALL' : `PQ${reference}`,
        group: 'practice quality',
        name,
        cells: cells.slice(2),
        values: [
          ...value('baseline-april-2023', undefined, leading(baseline)),
          ...value('2023-10', leading(target2023), leading(outcome2023)),
          ...value('2024-03', leading(target202403), leading(outcome202403)),
          ...value('2024-10', leading(target202410), leading(outcome202410)),
        ],
      }
    })
}

function outputRows(): PaperRow[] {
  const rows = linesBetween('How we will measure success (outputs)', 'How we will measure success (outcomes)')
  const numbered: PaperRow[] = []
  let outcome = 0
  for (const cells of rows) {
    if (cells[1] === 'Indicators') continue
    const heading = /^Outcome (\d)/.exec(cells[0] ?? '')
    if (heading) outcome = Number(heading[1])
    const [, name = '', baseline, target2023, target202403, target202410] = cells
    expect(name, `a row of the outputs table with no indicator: ${cells.join(' | ')}`).not.toBe('')
    expect(outcome, name).toBeGreaterThan(0)
    const inOutcome = numbered.filter((row) => row.group === `outcome ${outcome}`).length
    numbered.push({
      code: `OF${outcome}.${inOutcome + 1}`,
      group: `outcome ${outcome}`,
      name,
      cells: cells.slice(2),
      values: [
        ...value('baseline-april-2023', undefined, leading(baseline)),
        ...value('2023-10', leading(target2023), actualIn(target2023)),
        ...value('2024-03', leading(target202403), undefined),
        ...value('2024-10', leading(target202410), undefined),
      ],
    })
  }
  return numbered
}

const PAPER = SEED_LINES ? [...practiceRows(), ...outputRows()] : []
const byCode = new Map(DEMO_INDICATORS.map((indicator) => [indicator.code, indicator]))
const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4)
const countsByGroup = (items: { group: string }[]) =>
  items.reduce<Record<string, number>>((counts, { group }) => ({ ...counts, [group]: (counts[group] ?? 0) + 1 }), {})

const GROUP_COUNTS = { 'practice quality': 8, 'outcome 1': 9, 'outcome 2': 4, 'outcome 3': 5, 'outcome 4': 15 }

describe('the demo outcomes framework (Appendix 8(b), 25 January 2024)', () => {
  it('has as many indicators in each group as the paper has rows', () => {
    expect(countsByGroup(DEMO_INDICATORS)).toEqual(GROUP_COUNTS)
  })
})

describe.skipIf(!SEED_LINES)('the demo outcomes framework against the paper itself', () => {
  it('reads as many rows in each group from the paper', () => {
    expect(countsByGroup(PAPER)).toEqual(GROUP_COUNTS)
  })

  it.each(PAPER.map((row) => [row.code, row] as const))('%s has the paper’s figures', (code, row) => {
    const indicator = byCode.get(code)
    expect(indicator, `${code}: ${row.name}`).toBeDefined()
    if (!indicator) return
    expect(indicator.group).toBe(row.group)
    expect(indicator.values).toEqual(row.values)

    const paperWords = words(row.name.replace(/\(.*\)/, ''))
    const shared = paperWords.filter((word) => words(indicator.name).includes(word))
    expect(shared.length / paperWords.length, `${indicator.name} for ${row.name}`).toBeGreaterThanOrEqual(0.6)

    const figures = row.cells.filter((cell) => leading(cell) !== undefined)
    if (figures.some((cell) => cell.includes('%'))) expect(indicator.unit).toBe('percentage')
    else if (figures.some((cell) => /\/\s*10,?000/.test(cell))) expect(indicator.unit).toBe('rate per 10000')
    else if (figures.length > 0) expect(['count', 'score']).toContain(indicator.unit)
    const usesDecimals = figures.some((cell) => /^\d+\.\d/.test(cell))
    expect(indicator.decimals).toBe(usesDecimals ? 1 : 0)

    // What the paper says about the measure itself, or the lack of figures, is kept as a definition.
    if (/\(.*\)/.test(row.name) || (figures.length === 0 && row.cells.some((cell) => cell !== ''))) {
      expect(indicator.definition ?? '').not.toBe('')
    }

    const targets = row.values.flatMap((v) => (v.target === undefined ? [] : [v.target]))
    const baseline = row.values.find((v) => v.period === 'baseline-april-2023')?.actual
    const last = targets.at(-1)
    if (baseline !== undefined && last !== undefined && last !== baseline) {
      expect(indicator.polarity).toBe(last < baseline ? 'lower is better' : 'higher is better')
    }
  })
})

describe('the demo outcomes framework, figure by figure', () => {
  it('holds the section 47 investigations and assessments audit figures', () => {
    expect(byCode.get('OF3.1')).toMatchObject({
      name: 'Rate of section 47 investigations per 10,000',
      unit: 'rate per 10000',
      polarity: 'lower is better',
      values: [
        { period: 'baseline-april-2023', actual: 478 },
        { period: '2023-10', target: 450, actual: 422 },
        { period: '2024-03', target: 400 },
        { period: '2024-10', target: 350 },
      ],
    })
    expect(byCode.get('PQ4')).toMatchObject({
      reference: '4',
      group: 'practice quality',
      source: 'Practice audit',
      values: [
        { period: 'baseline-april-2023', actual: 48 },
        { period: '2023-10', target: 60, actual: 42 },
        { period: '2024-03', target: 70 },
        { period: '2024-10', target: 70 },
      ],
    })
    expect(byCode.get('PQ-ALL')?.reference).toBe('')
  })

  it('keeps codes unique, periods known and never a target beside an aspiration', () => {
    expect(byCode.size).toBe(DEMO_INDICATORS.length)
    const slugs = DEMO_PERIODS.map((period) => period.slug)
    for (const indicator of DEMO_INDICATORS) {
      expect(new Set(indicator.values.map((v) => v.period)).size).toBe(indicator.values.length)
      for (const v of indicator.values) {
        expect(slugs).toContain(v.period)
        expect(v.target !== undefined && v.aspiration !== undefined, indicator.code).toBe(false)
      }
    }
  })
})

describe.each(testDatabases())('the demo outcomes framework as loaded on $name', (database) => {
  let handle: DatabaseHandle<Database>

  beforeAll(async () => {
    handle = await openDemoDatabase(database)
  })

  afterAll(async () => {
    await handle?.close()
  })

  it('stores every period, indicator and value with where it came from', async () => {
    const db = handle.db
    const periods = await db.selectFrom('indicatorPeriods').select(['slug', 'name', 'endsOn', 'isBaseline']).execute()
    expect(periods).toEqual(expect.arrayContaining(DEMO_PERIODS))
    expect(periods).toHaveLength(DEMO_PERIODS.length)
    const indicators = await db.selectFrom('indicators').select(['code', 'position']).orderBy('position').execute()
    expect(indicators.map((i) => i.code)).toEqual(DEMO_INDICATORS.map((i) => i.code))
    const values = await db.selectFrom('indicatorValues').select(['provenance', 'enteredBy']).execute()
    expect(values).toHaveLength(DEMO_INDICATORS.reduce((sum, i) => sum + i.values.length, 0))
    expect(provenance).toBe('Children’s Social Care Improvement Plan, Appendix 8(b), 25 January 2024 agenda')
    expect(new Set(values.map((v) => `${v.enteredBy} | ${v.provenance}`))).toEqual(
      new Set([`demo data | ${provenance}`]),
    )
    const section47 = await db
      .selectFrom('indicatorValues as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .innerJoin('indicatorPeriods as p', 'p.id', 'v.periodId')
      .select(['p.slug', 'v.target', 'v.actual'])
      .where('i.code', '=', 'OF3.1')
      .orderBy('p.endsOn')
      .execute()
    expect(section47).toEqual([
      { slug: 'baseline-april-2023', target: null, actual: 478 },
      { slug: '2023-10', target: 450, actual: 422 },
      { slug: '2024-03', target: 400, actual: null },
      { slug: '2024-10', target: 350, actual: null },
    ])
  })
})
