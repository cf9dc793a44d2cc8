import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import { clearWorkingDays } from '#src/platform/calendar/working-days.ts'
import { type ComputedIndicator, computeIndicators, listDefinitions, parseDefinition } from './definitions.ts'
import { createPseudonymiser } from './pseudonym.ts'
import { read903File } from './read-903.ts'
import { readCinFile } from './read-cin.ts'
import { ALL_TABLES, type ReturnRow, type Table903 } from './records.ts'
import { type ReturnsStore, openReturnsStore } from './store.ts'
import { SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

// Every hand-made extract is for 2023-24: 1 April 2023 to 31 March 2024.
const YEAR = '2023-24'
const EXTRACTS = { cin: 'cin-1', '903': '903-1' } as const
const specOf = (name: string) => {
  const spec = ALL_TABLES.find((table) => table.name === name)
  if (!spec) throw new Error(`No table ${name}`)
  return spec
}

/** A store holding the rows given, by table, in the year's extracts (and `other` in another extract of each kind). */
async function storeOf(tables: Record<string, Partial<ReturnRow>[]>, other: Record<string, Partial<ReturnRow>[]> = {}) {
  const store = await openReturnsStore(':memory:')
  for (const [extract, content] of [
    [EXTRACTS.cin, tables],
    [EXTRACTS['903'], tables],
    ['another-extract', other],
  ] as const) {
    const names = Object.keys(content).filter(
      (name) => name.startsWith('cin_') === (extract === EXTRACTS.cin) || extract === 'another-extract',
    )
    const load = await store.loader(extract, names.map(specOf))
    for (const name of names)
      content[name].forEach((row, at) => {
        const full: ReturnRow = Object.fromEntries(specOf(name).fields.map((field) => [field.name, null]))
        load.sink(name, { ...full, ...row } as ReturnRow, at + 2)
      })
    await load.finish()
  }
  return store
}

async function compute(
  tables: Record<string, Partial<ReturnRow>[]>,
  options: { population?: number | null; other?: Record<string, Partial<ReturnRow>[]> } = {},
): Promise<Record<string, ComputedIndicator>> {
  const store = await storeOf(tables, options.other)
  try {
    const computed = await computeIndicators(store, {
      year: YEAR,
      extracts: EXTRACTS,
      population: options.population === undefined ? 10_000 : options.population,
    })
    return Object.fromEntries(computed.map((indicator) => [indicator.key, indicator]))
  } finally {
    store.close()
  }
}

const figures = (indicator: ComputedIndicator) => ({
  numerator: indicator.numerator,
  denominator: indicator.denominator,
  value: indicator.value === null ? null : Number(indicator.value.toFixed(2)),
})

describe('working days', () => {
  it('leave out weekends and bank holidays, as call-in deadlines do', () => {
    // From Monday 3 April 2023 the 45th working day is Monday 12 June, not 5 June: Good Friday,
    // Easter Monday, the two May bank holidays and the Coronation (8 May) fall between.
    expect(clearWorkingDays('2023-04-03', 45, englandAndWalesBankHolidays())).toBe('2023-06-12')
  })
})

describe('children in need definitions', () => {
  it('counts referrals in the year per 10,000 children', async () => {
    // In the year: p-1's two referrals and p-2's one. p-3's came before 1 April; the other
    // extract's are another return. 3 referrals for 20,000 children: 1.5 per 10,000.
    const result = await compute(
      {
        cin_referrals: [
          { child: 'p-1', referral_date: '2023-04-01' },
          { child: 'p-1', referral_date: '2024-03-31' },
          { child: 'p-2', referral_date: '2023-10-10' },
          { child: 'p-3', referral_date: '2023-03-31' },
        ],
      },
      { population: 20_000, other: { cin_referrals: [{ child: 'p-9', referral_date: '2023-06-01' }] } },
    )
    expect(figures(result.referrals)).toEqual({ numerator: 3, denominator: 20_000, value: 1.5 })
  })

  it('counts referrals within 12 months of the previous one', async () => {
    // Referrals in the year: a's December one came 11 months after its January one (counts);
    // b's December one 13 months after its November 2022 one (does not); c's only one (does not);
    // d's two rows on 1 May 2023 are one referral (does not), and its May 2024 one is after the
    // year; e's 31 March 2024 one is exactly 12 months after its 31 March 2023 one (counts); f's
    // two rows on 1 August 2023 are one referral, 6 months after its February one (counts once).
    // 3 of 6: 50%.
    const result = await compute({
      cin_referrals: [
        { child: 'a', referral_date: '2023-01-10' },
        { child: 'a', referral_date: '2023-12-10' },
        { child: 'b', referral_date: '2022-11-15' },
        { child: 'b', referral_date: '2023-12-15' },
        { child: 'c', referral_date: '2023-06-01' },
        { child: 'd', referral_date: '2023-05-01' },
        { child: 'd', referral_date: '2023-05-01' },
        { child: 'd', referral_date: '2024-05-01' },
        { child: 'e', referral_date: '2023-03-31' },
        { child: 'e', referral_date: '2024-03-31' },
        { child: 'f', referral_date: '2023-02-01' },
        { child: 'f', referral_date: '2023-08-01' },
        { child: 'f', referral_date: '2023-08-01' },
      ],
    })
    expect(figures(result['re-referrals'])).toEqual({ numerator: 3, denominator: 6, value: 50 })
  })

  it('counts assessments authorised within 45 working days, bank holidays left out', async () => {
    // Authorised in the year: a, exactly 45 working days after starting on 3 April 2023 (counts);
    // b, 46 (does not: it would count if the five bank holidays between were working days); c,
    // started in March and authorised in 10 working days (counts). d was authorised before the
    // year and e is not yet authorised. 2 of 3.
    const result = await compute({
      cin_assessments: [
        { child: 'a', referral_date: '2023-04-03', start_date: '2023-04-03', authorisation_date: '2023-06-12' },
        { child: 'b', referral_date: '2023-04-03', start_date: '2023-04-03', authorisation_date: '2023-06-13' },
        { child: 'c', referral_date: '2024-03-01', start_date: '2024-03-11', authorisation_date: '2024-03-25' },
        { child: 'd', referral_date: '2023-03-01', start_date: '2023-03-01', authorisation_date: '2023-03-20' },
        { child: 'e', referral_date: '2024-03-01', start_date: '2024-03-01', authorisation_date: null },
      ],
    })
    expect(figures(result['assessments-45-days'])).toEqual({ numerator: 2, denominator: 3, value: 66.67 })
  })

  it('counts section 47 enquiries started in the year per 10,000 children', async () => {
    // a's and b's started in the year; c's started in March 2023. 2 for 10,000 children.
    const result = await compute({
      cin_section47: [
        { child: 'a', referral_date: '2023-04-01', start_date: '2023-04-03' },
        { child: 'b', referral_date: '2024-03-01', start_date: '2024-03-31' },
        { child: 'c', referral_date: '2023-03-01', start_date: '2023-03-02' },
      ],
    })
    expect(figures(result['section-47'])).toEqual({ numerator: 2, denominator: 10_000, value: 2 })
  })

  it('counts initial conferences within 15 working days of the enquiry starting', async () => {
    // From Monday 18 December 2023, Christmas Day, Boxing Day and New Year's Day are not working
    // days: the 15th working day is Thursday 11 January. a's conference that day counts; b's on
    // the 12th does not. c's conference was before the year and d had none. 1 of 2.
    const result = await compute({
      cin_section47: [
        { child: 'a', referral_date: '2023-12-18', start_date: '2023-12-18', icpc_date: '2024-01-11' },
        { child: 'b', referral_date: '2023-12-18', start_date: '2023-12-18', icpc_date: '2024-01-12' },
        { child: 'c', referral_date: '2023-03-01', start_date: '2023-03-01', icpc_date: '2023-03-20' },
        { child: 'd', referral_date: '2023-06-01', start_date: '2023-06-01', icpc_not_required: true },
      ],
    })
    expect(figures(result['icpc-15-days'])).toEqual({ numerator: 1, denominator: 2, value: 50 })
  })

  it('counts children on a plan at 31 March per 10,000 children', async () => {
    // a's plan began before the year and is open; c has an open plan (and an old one: counted
    // once). b's plan ended on 31 March, d's begins after it. 2 children for 10,000.
    const result = await compute({
      cin_cp_plans: [
        { child: 'a', referral_date: '2022-05-01', start_date: '2022-06-01' },
        { child: 'b', referral_date: '2023-08-01', start_date: '2023-09-01', end_date: '2024-03-31' },
        { child: 'c', referral_date: '2019-01-01', start_date: '2019-02-01', end_date: '2021-02-01' },
        { child: 'c', referral_date: '2023-09-01', start_date: '2023-10-01' },
        { child: 'd', referral_date: '2024-04-01', start_date: '2024-04-02' },
      ],
    })
    expect(figures(result['cp-plans'])).toEqual({ numerator: 2, denominator: 10_000, value: 2 })
  })

  it('counts plans ending in the year that lasted 2 years or more', async () => {
    // Ended in the year: a's lasted exactly 2 years (counts); b's a day short (does not); c's
    // began before the year and lasted 7 months (does not). d's ended before the year, e's is
    // open. 1 of 3.
    const result = await compute({
      cin_cp_plans: [
        { child: 'a', referral_date: '2021-04-01', start_date: '2021-05-01', end_date: '2023-05-01' },
        { child: 'b', referral_date: '2021-05-01', start_date: '2021-06-01', end_date: '2023-05-31' },
        { child: 'c', referral_date: '2022-12-01', start_date: '2023-01-01', end_date: '2023-08-01' },
        { child: 'd', referral_date: '2020-01-01', start_date: '2020-02-01', end_date: '2023-03-31' },
        { child: 'e', referral_date: '2020-01-01', start_date: '2020-02-01' },
      ],
    })
    expect(figures(result['cp-plans-2-years'])).toEqual({ numerator: 1, denominator: 3, value: 33.33 })
  })

  it('counts plans started in the year that were second or subsequent', async () => {
    // Started in the year: a's, after an earlier plan the census holds (counts); b's, with 2
    // previous plans given (counts); c's, with none (does not); d's, the number not given and no
    // earlier plan held (does not). a's 2022 plan began before the year. 2 of 4.
    const result = await compute({
      cin_cp_plans: [
        {
          child: 'a',
          referral_date: '2021-12-01',
          start_date: '2022-01-01',
          end_date: '2022-12-01',
          previous_plans: 0,
        },
        { child: 'a', referral_date: '2023-05-01', start_date: '2023-06-01', previous_plans: 0 },
        { child: 'b', referral_date: '2023-06-01', start_date: '2023-07-01', previous_plans: 2 },
        { child: 'c', referral_date: '2023-07-01', start_date: '2023-08-01', previous_plans: 0 },
        { child: 'd', referral_date: '2023-08-01', start_date: '2023-09-01' },
      ],
    })
    expect(figures(result['cp-second-plans'])).toEqual({ numerator: 2, denominator: 4, value: 50 })
  })
})

describe('children looked after definitions', () => {
  const episode = (child: string, decom: string, rne: string, rest: Partial<ReturnRow> = {}): Partial<ReturnRow> => ({
    child,
    decom,
    rne,
    ls: 'C2',
    place: 'U1',
    ...rest,
  })

  it('counts children looked after at 31 March per 10,000 children', async () => {
    // a has been in care since 2022; c moved placement in the year and is counted once. b left on
    // 31 March, d is on a series of short breaks (V3), e came into care after the year. 2 for 10,000.
    const result = await compute({
      ssda903_episodes: [
        episode('a', '2022-01-01', 'S'),
        episode('b', '2023-05-01', 'S', { dec: '2024-03-31', rec: 'E13' }),
        episode('c', '2023-05-01', 'S', { dec: '2023-08-01', rec: 'X1' }),
        episode('c', '2023-08-01', 'P'),
        episode('d', '2023-05-01', 'S', { ls: 'V3' }),
        episode('e', '2024-04-01', 'S'),
      ],
    })
    expect(figures(result['looked-after'])).toEqual({ numerator: 2, denominator: 10_000, value: 2 })
  })

  it('counts children looked after at 31 March with 3 or more placements in the year', async () => {
    // Looked after at 31 March: a (1 placement); c (2: S then P); f (2: the episode open on
    // 1 April, then P; a change of legal status only, L, and a new episode with the same carer, B,
    // are not new placements); g (3: the episode open on 1 April, then P, then T). h had 3 but left
    // care in February. 1 of 4.
    const result = await compute({
      ssda903_episodes: [
        episode('a', '2022-01-01', 'S'),
        episode('c', '2023-05-01', 'S', { dec: '2023-08-01', rec: 'X1' }),
        episode('c', '2023-08-01', 'P'),
        episode('f', '2022-12-01', 'S', { dec: '2023-05-01', rec: 'X1' }),
        episode('f', '2023-05-01', 'L', { dec: '2023-07-01', rec: 'X1' }),
        episode('f', '2023-07-01', 'P', { dec: '2023-10-01', rec: 'X1' }),
        episode('f', '2023-10-01', 'B'),
        episode('g', '2023-03-01', 'P', { dec: '2023-06-01', rec: 'X1' }),
        episode('g', '2023-06-01', 'P', { dec: '2023-09-01', rec: 'X1' }),
        episode('g', '2023-09-01', 'T'),
        episode('h', '2023-04-01', 'S', { dec: '2023-06-01', rec: 'X1' }),
        episode('h', '2023-06-01', 'P', { dec: '2023-09-01', rec: 'X1' }),
        episode('h', '2023-09-01', 'P', { dec: '2024-02-01', rec: 'E13' }),
      ],
    })
    expect(figures(result['three-placements'])).toEqual({ numerator: 1, denominator: 4, value: 25 })
  })

  it('counts children under 16 in care 2.5 years who have been in the same placement 2 years', async () => {
    // 2.5 years before 31 March 2024 is 30 September 2021; 2 years is 31 March 2022.
    // a: in the same placement since January 2021 (stable). b: in care since 2020, but moved in
    // September 2022 (not stable). c: in care long enough but 16 at 31 March (born March 2008:
    // left out). d: in care only since 2022 (left out). e: placed for adoption in June 2023 after a
    // placement from February 2021, which together last 2 years (stable). f: a change of legal
    // status only in 2022, in the same placement since March 2021 (stable). 3 of 4.
    const result = await compute({
      ssda903_header: ['a', 'b', 'd', 'e', 'f']
        .map((child) => ({ child, birth_month: '2012-05-01' }))
        .concat([{ child: 'c', birth_month: '2008-03-01' }]),
      ssda903_episodes: [
        episode('a', '2021-01-01', 'S'),
        episode('b', '2020-06-01', 'S', { dec: '2022-09-01', rec: 'X1' }),
        episode('b', '2022-09-01', 'P'),
        episode('c', '2020-06-01', 'S'),
        episode('d', '2022-01-01', 'S'),
        episode('e', '2021-02-01', 'S', { dec: '2023-06-01', rec: 'X1' }),
        episode('e', '2023-06-01', 'P', { ls: 'E1', place: 'A4' }),
        episode('f', '2021-03-01', 'S', { dec: '2022-06-01', rec: 'X1' }),
        episode('f', '2022-06-01', 'L', { ls: 'C1' }),
      ],
    })
    expect(figures(result['long-term-stability'])).toEqual({ numerator: 3, denominator: 4, value: 75 })
  })

  it('counts care leavers aged 19 to 21 in education, employment or training and in suitable accommodation', async () => {
    // Aged 19 to 21 at 31 March 2024: l1 (19: F1, B1), l2 (21: G5, not in education or work, B1),
    // l3 (21, born April 2002: not in touch, nothing known), l6 (19: P4, Z2 unsuitable). l4 is 18
    // and l5 22: left out. Education, employment or training: l1, l6, 2 of 4; suitable
    // accommodation: l1, l2, 2 of 4 (those not in touch count in the whole, as the DfE counts them).
    const result = await compute({
      ssda903_oc3: [
        { child: 'l1', birth_month: '2004-06-01', in_touch: 'YES', activ: 'F1', accom: 'B1' },
        { child: 'l2', birth_month: '2003-01-01', in_touch: 'YES', activ: 'G5', accom: 'B1' },
        { child: 'l3', birth_month: '2002-04-01', in_touch: 'NO' },
        { child: 'l4', birth_month: '2005-05-01', in_touch: 'YES', activ: 'F2', accom: 'B1' },
        { child: 'l5', birth_month: '2002-03-01', in_touch: 'YES', activ: 'F2', accom: 'B1' },
        { child: 'l6', birth_month: '2004-11-01', in_touch: 'YES', activ: 'P4', accom: 'Z2' },
      ],
    })
    expect(figures(result['care-leavers-eet'])).toEqual({ numerator: 2, denominator: 4, value: 50 })
    expect(figures(result['care-leavers-accommodation'])).toEqual({ numerator: 2, denominator: 4, value: 50 })
  })

  it('works out the adoption scorecard A1 and A2 averages for children adopted in the year', async () => {
    // a: came into care 10 May 2021, placement order (E1) 1 February 2022, matched 1 December
    // 2022, placed for adoption 15 January 2023, adopted (E11) September 2023. A1: 615 days from
    // care to placement; A2: 303 days from order to match.
    // b: came into care 1 August 2022, matched 1 February 2023 before its placement order on
    // 1 March (A2: 0 days), moved to its adoptive placement (A5) 1 June 2023 with no date placed
    // given (A1: 304 days to the placement's start), adopted (E12) February 2024.
    // c was adopted before the year; d left care in the year otherwise (E13).
    // A1: (615 + 304) / 2 = 459.5 days; A2: (303 + 0) / 2 = 151.5 days.
    const result = await compute({
      ssda903_episodes: [
        episode('a', '2021-05-10', 'S', { dec: '2022-02-01', rec: 'X1' }),
        episode('a', '2022-02-01', 'L', { ls: 'E1', dec: '2023-01-15', rec: 'X1' }),
        episode('a', '2023-01-15', 'P', { ls: 'E1', place: 'A4', dec: '2023-09-01', rec: 'E11' }),
        episode('b', '2022-08-01', 'S', { dec: '2023-03-01', rec: 'X1' }),
        episode('b', '2023-03-01', 'L', { ls: 'E1', dec: '2023-06-01', rec: 'X1' }),
        episode('b', '2023-06-01', 'P', { ls: 'E1', place: 'A5', dec: '2024-02-10', rec: 'E12' }),
        episode('c', '2021-01-01', 'S', { ls: 'E1', dec: '2023-03-15', rec: 'E11' }),
        episode('d', '2022-01-01', 'S', { ls: 'E1', dec: '2023-07-01', rec: 'E13' }),
      ],
      ssda903_placed_adoption: [
        { child: 'a', date_placed: '2023-01-15' },
        { child: 'c', date_placed: '2022-06-01' },
      ],
      ssda903_ad1: [
        { child: 'a', date_match: '2022-12-01' },
        { child: 'b', date_match: '2023-02-01' },
        { child: 'c', date_match: '2022-05-01' },
      ],
    })
    expect(figures(result['adoption-a1'])).toEqual({ numerator: 919, denominator: 2, value: 459.5 })
    expect(figures(result['adoption-a2'])).toEqual({ numerator: 303, denominator: 2, value: 151.5 })
  })

  it('counts children looked after in the year who went missing', async () => {
    // Looked after in the year: a (missing twice: one child) and b (absent, A, which is not
    // missing). c left care before the year and d is on short breaks (V3): neither counts, missing
    // or not. 1 of 2.
    const result = await compute({
      ssda903_episodes: [
        episode('a', '2022-01-01', 'S'),
        episode('b', '2022-01-01', 'S', { dec: '2023-06-01', rec: 'E13' }),
        episode('c', '2022-01-01', 'S', { dec: '2023-03-01', rec: 'E13' }),
        episode('d', '2023-05-01', 'S', { ls: 'V3' }),
      ],
      ssda903_missing: [
        { child: 'a', missing: 'M', mis_start: '2023-07-01' },
        { child: 'a', missing: 'M', mis_start: '2023-09-01' },
        { child: 'b', missing: 'A', mis_start: '2023-05-01' },
        { child: 'c', missing: 'M', mis_start: '2023-05-01' },
        { child: 'd', missing: 'M', mis_start: '2023-06-01' },
      ],
    })
    expect(figures(result.missing)).toEqual({ numerator: 1, denominator: 2, value: 50 })
  })
})

describe('computing the indicators', () => {
  it('gives no value for a rate without the population, nor for a definition whose return is missing', async () => {
    const store = await storeOf({ cin_referrals: [{ child: 'a', referral_date: '2023-06-01' }] })
    try {
      const withoutPopulation = await computeIndicators(store, { year: YEAR, extracts: EXTRACTS, population: null })
      const referrals = withoutPopulation.find((indicator) => indicator.key === 'referrals')
      expect(referrals).toMatchObject({ numerator: 1, denominator: null, value: null, unit: 'rate per 10000' })

      const cinOnly = await computeIndicators(store, { year: YEAR, extracts: { cin: 'cin-1' }, population: 10_000 })
      expect(cinOnly.find((indicator) => indicator.key === 'referrals')?.value).toBe(1)
      const lookedAfter = cinOnly.find((indicator) => indicator.key === 'looked-after')
      expect(lookedAfter).toMatchObject({ numerator: 0, denominator: null, value: null })
    } finally {
      store.close()
    }
  })

  it('refuses a year with no definitions, saying which years have them', () => {
    expect(() => listDefinitions('2019-20')).toThrow(
      'There are no indicator definitions for 2019-20. Definitions are kept for 2023-24',
    )
    expect(() => listDefinitions('2023')).toThrow('The year must be like 2023-24')
  })

  it('reads each definition’s header, and versions it by its text', () => {
    const definitions = listDefinitions(YEAR)
    const keys = definitions.map((definition) => definition.key)
    expect(keys).toEqual(
      expect.arrayContaining([
        'referrals',
        're-referrals',
        'assessments-45-days',
        'section-47',
        'icpc-15-days',
        'cp-plans',
        'cp-plans-2-years',
        'cp-second-plans',
        'looked-after',
        'three-placements',
        'long-term-stability',
        'care-leavers-eet',
        'care-leavers-accommodation',
        'adoption-a1',
        'adoption-a2',
        'missing',
      ]),
    )
    const stability = definitions.find((definition) => definition.key === 'long-term-stability')
    expect(stability).toMatchObject({
      unit: 'percentage',
      tables: ['ssda903_episodes', 'ssda903_header'],
      departure: expect.stringContaining('episodes open during the year'),
    })
    expect(stability?.version).toMatch(/^[0-9a-f]{12}$/)
    const changed = parseDefinition('long-term-stability', `${stability?.sql} `)
    expect(changed.version).not.toBe(stability?.version)
  })

  it('refuses a header that is wrong', () => {
    const header = (lines: string[]) => `${lines.map((line) => `-- ${line}`).join('\n')}\nselect 1`
    const good = ['name: A', 'unit: count', 'tables: cin_referrals', 'description: B', 'source: C']
    expect(parseDefinition('a', header(good)).tables).toEqual(['cin_referrals'])
    expect(() => parseDefinition('a', header(good.slice(1)))).toThrow('a.sql: the header has no "name"')
    expect(() => parseDefinition('a', header([...good.slice(0, 1), 'unit: per cent', ...good.slice(2)]))).toThrow(
      'the unit must be one of percentage, rate per 10000, days, count, not "per cent"',
    )
    expect(() => parseDefinition('a', header([...good.slice(0, 2), 'tables: children', ...good.slice(3)]))).toThrow(
      'the store has no table "children"',
    )
    expect(() => parseDefinition('a', header([...good, 'owner: D']))).toThrow('a field "owner"')
    expect(() => parseDefinition('A_b', header(good))).toThrow('lower case words joined by hyphens')
  })
})

describe('every definition on a synthetic extract of 2,000 children', () => {
  let folder: string
  let store: ReturnsStore
  let computed: ComputedIndicator[]

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'definitions-'))
    await writeSyntheticReturns({ children: 2000, year: YEAR, out: folder, seed: 3 })
    store = await openReturnsStore(':memory:')
    const pseudonyms = createPseudonymiser('a-test-key-that-is-long-enough-for-hmac-0123456789')
    const lac = await store.loader(
      '903-1',
      ALL_TABLES.filter((table) => table.name.startsWith('ssda903_')),
    )
    const files: [Table903, string][] = [
      ['header', SYNTH_FILES.header],
      ['episodes', SYNTH_FILES.episodes],
      ['missing', SYNTH_FILES.missing],
      ['oc3', SYNTH_FILES.oc3],
      ['ad1', SYNTH_FILES.ad1],
      ['placedAdoption', SYNTH_FILES.placedAdoption],
    ]
    for (const [table, file] of files) await read903File(join(folder, file), table, { pseudonyms, sink: lac.sink })
    await lac.finish()
    const cin = await store.loader(
      'cin-1',
      ALL_TABLES.filter((table) => table.name.startsWith('cin_')),
    )
    await readCinFile(join(folder, SYNTH_FILES.cin), { pseudonyms, sink: cin.sink })
    await cin.finish()
    computed = await computeIndicators(store, { year: YEAR, extracts: EXTRACTS, population: 40_000 })
  }, 60_000)
  afterAll(async () => {
    store?.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('runs every file and gives plausible values', () => {
    expect(computed.map((indicator) => indicator.key)).toEqual(
      listDefinitions(YEAR).map((definition) => definition.key),
    )
    for (const indicator of computed) {
      expect(indicator.denominator, indicator.key).toBeGreaterThan(0)
      expect(indicator.value, indicator.key).not.toBeNull()
      const value = indicator.value ?? NaN
      if (indicator.unit === 'percentage') expect(value, indicator.key).toBeGreaterThanOrEqual(0)
      if (indicator.unit === 'percentage') expect(value, indicator.key).toBeLessThanOrEqual(100)
      // 2,000 children in need among 40,000 children: 500 per 10,000, about one referral each.
      if (indicator.unit === 'rate per 10000') expect(value, indicator.key).toBeGreaterThan(0)
      if (indicator.unit === 'rate per 10000') expect(value, indicator.key).toBeLessThan(1_000)
      if (indicator.unit === 'days') expect(value, indicator.key).toBeGreaterThanOrEqual(0)
      if (indicator.unit === 'days') expect(value, indicator.key).toBeLessThan(5 * 365)
    }
    const value = (key: string) => computed.find((indicator) => indicator.key === key)?.value
    // The synthetic returns give most assessments and conferences in time, and one referral each.
    expect(value('assessments-45-days')).toBeGreaterThan(60)
    expect(value('referrals')).toBeGreaterThan(400)
  })
})
