import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPseudonymiser } from './pseudonym.ts'
import { read903File } from './read-903.ts'
import { readCinFile } from './read-cin.ts'
import { ALL_TABLES, type ReturnRow, TABLES_903, TABLES_CIN } from './records.ts'
import { RULES, type Rule, validateExtract } from './rules.ts'
import { type ReturnsStore, openReturnsStore } from './store.ts'
import { SYNTH_903_FILES, SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

const YEAR = '2023-24'
type Rows = Record<string, [number, ReturnRow][]>

/** Each rule with a small extract: the rows it must fail, and rows it must pass. */
const CASES: { code: string; rows: Rows; fails: [string, number][] }[] = [
  {
    code: '104',
    rows: {
      ssda903_uasc: [
        [2, { child: 'a', duc: '2023-03-01' }],
        [3, { child: 'b', duc: '2023-06-01' }],
      ],
    },
    fails: [['ssda903_uasc', 2]],
  },
  {
    code: '117',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-01-01', rne: 'S', dec: '2023-09-01', rec: 'E11' }],
        [3, { child: 'b', decom: '2023-01-01', rne: 'S' }],
      ],
      ssda903_placed_adoption: [
        [2, { child: 'a', date_placed: '2023-10-01' }],
        [3, { child: 'b', date_placed: '2023-06-01' }],
        [4, { child: 'c', date_placed: '2024-05-01' }],
      ],
    },
    fails: [
      ['ssda903_placed_adoption', 2],
      ['ssda903_placed_adoption', 4],
    ],
  },
  {
    code: '301',
    rows: {
      ssda903_header: [
        [2, { child: 'a', birth_month: '2024-04-01' }],
        [3, { child: 'b', birth_month: '2010-01-01' }],
      ],
    },
    fails: [['ssda903_header', 2]],
  },
  {
    code: '302',
    rows: {
      ssda903_header: [
        [2, { child: 'a', birth_month: '2015-06-01' }],
        [3, { child: 'b', birth_month: '2010-01-01' }],
      ],
      ssda903_episodes: [
        [2, { child: 'a', decom: '2015-05-20' }],
        [3, { child: 'a', decom: '2016-01-01' }],
        [4, { child: 'b', decom: '2020-01-01' }],
      ],
    },
    fails: [['ssda903_episodes', 2]],
  },
  {
    code: '334',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2022-01-01', rne: 'S' }],
        [3, { child: 'a', decom: '2023-05-01', rne: 'S' }],
        [4, { child: 'b', decom: '2022-01-01', rne: 'S' }],
      ],
      ssda903_ad1: [
        [2, { child: 'a', date_int: '2023-04-01' }],
        [3, { child: 'b', date_int: '2022-06-01' }],
      ],
    },
    fails: [['ssda903_ad1', 2]],
  },
  {
    code: '336',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-01-01', place: 'R1' }],
        [3, { child: 'a', decom: '2023-06-01', place: 'A3' }],
        [4, { child: 'b', decom: '2023-01-01', place: 'U1' }],
        [5, { child: 'b', decom: '2023-06-01', place: 'A4' }],
      ],
    },
    fails: [['ssda903_episodes', 3]],
  },
  {
    code: '351',
    rows: {
      ssda903_header: [
        [2, { child: 'a', birth_month: '2001-01-01' }],
        [3, { child: 'b', birth_month: '2002-05-01' }],
      ],
    },
    fails: [['ssda903_header', 2]],
  },
  {
    code: '357',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', rne: 'P' }],
        [3, { child: 'b', decom: '2023-05-01', rne: 'S' }],
        [4, { child: 'c', decom: '2022-05-01', rne: 'P' }],
      ],
    },
    fails: [['ssda903_episodes', 2]],
  },
  {
    code: '361',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', dec: '2023-05-03', ls: 'L1' }],
        [3, { child: 'a', decom: '2023-05-03', dec: '2023-05-06', ls: 'L1' }],
        [4, { child: 'b', decom: '2023-05-01', dec: '2023-05-03', ls: 'L1' }],
      ],
    },
    fails: [
      ['ssda903_episodes', 2],
      ['ssda903_episodes', 3],
    ],
  },
  {
    code: '362',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', dec: '2023-06-01', ls: 'L2' }],
        [3, { child: 'b', decom: '2023-05-01', dec: '2023-05-20', ls: 'L2' }],
      ],
    },
    fails: [['ssda903_episodes', 2]],
  },
  ...(
    [
      ['375', 'T1', '2023-07-01', '2023-05-30'],
      ['376', 'T3', '2023-06-01', '2023-05-15'],
      ['379', 'T4', '2023-05-10', '2023-05-05'],
    ] as const
  ).map(([code, place, tooLong, inTime]) => ({
    code,
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', dec: tooLong, place }],
        [3, { child: 'b', decom: '2023-05-01', dec: inTime, place }],
      ] as [number, ReturnRow][],
    },
    fails: [['ssda903_episodes', 2]] as [string, number][],
  })),
  {
    code: '377',
    rows: {
      ssda903_episodes: [2, 3, 4, 5, 6].map((row): [number, ReturnRow] => [
        row,
        { child: row < 5 ? 'a' : 'b', decom: `2023-0${row}-01`, place: 'T3' },
      ]),
    },
    fails: [
      ['ssda903_episodes', 2],
      ['ssda903_episodes', 3],
      ['ssda903_episodes', 4],
    ],
  },
  {
    code: '382',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', ls: 'V3', place: 'T0' }],
        [3, { child: 'b', decom: '2023-05-01', ls: 'V3', place: 'U1' }],
      ],
    },
    fails: [['ssda903_episodes', 2]],
  },
  {
    code: '383',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-01-01', place: 'U1', rne: 'S' }],
        [3, { child: 'a', decom: '2023-03-01', place: 'T2', rne: 'P' }],
        [4, { child: 'a', decom: '2023-03-10', place: 'R1', rne: 'P' }],
        [5, { child: 'b', decom: '2023-01-01', place: 'U1', rne: 'S' }],
        [6, { child: 'b', decom: '2023-03-01', place: 'T2', rne: 'P' }],
        [7, { child: 'b', decom: '2023-03-10', place: 'U1', rne: 'P' }],
      ],
    },
    fails: [['ssda903_episodes', 3]],
  },
  {
    code: '391',
    rows: {
      ssda903_oc3: [
        [2, { child: 'a', birth_month: '2010-01-01', in_touch: 'YES' }],
        [3, { child: 'b', birth_month: '2004-01-01', in_touch: 'YES' }],
      ],
    },
    fails: [['ssda903_oc3', 2]],
  },
  {
    code: '392B',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', ls: 'C2', home_district: 'FY1' }],
        [3, { child: 'b', decom: '2023-05-01', ls: 'C2', home_district: 'FY1', place_district: 'FY2' }],
        [4, { child: 'u', decom: '2023-05-01', ls: 'C2' }],
      ],
      ssda903_uasc: [[2, { child: 'u', duc: '2025-01-01' }]],
    },
    fails: [['ssda903_episodes', 2]],
  },
  {
    code: '432',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-01-01', rne: 'S', dec: '2023-02-01', rec: 'E13' }],
        [3, { child: 'a', decom: '2023-06-01', rne: 'P' }],
        [4, { child: 'b', decom: '2023-01-01', rne: 'S', dec: '2023-02-01', rec: 'X1' }],
        [5, { child: 'b', decom: '2023-02-01', rne: 'P' }],
      ],
    },
    fails: [['ssda903_episodes', 3]],
  },
  {
    code: '460',
    rows: {
      ssda903_header: [
        [2, { child: 'a', birth_month: '2010-01-01' }],
        [3, { child: 'b', birth_month: '2005-01-01' }],
      ],
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-01-01', dec: '2023-06-01', rec: 'E17' }],
        [3, { child: 'b', decom: '2023-01-01', dec: '2023-06-01', rec: 'E17' }],
      ],
    },
    fails: [['ssda903_episodes', 2]],
  },
  {
    code: '529',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', place: 'U1', place_provider: 'PR3' }],
        [3, { child: 'b', decom: '2023-05-01', place: 'R1', place_provider: 'PR3' }],
      ],
    },
    fails: [['ssda903_episodes', 2]],
  },
  {
    code: '575',
    rows: {
      ssda903_episodes: [[2, { child: 'a', decom: '2023-05-01', dec: '2023-08-01' }]],
      ssda903_missing: [
        [2, { child: 'a', missing: 'M', mis_start: '2023-06-01' }],
        [3, { child: 'a', missing: 'M', mis_start: '2023-06-05', mis_end: '2023-06-06' }],
      ],
    },
    fails: [['ssda903_missing', 2]],
  },
  {
    code: '579',
    rows: {
      ssda903_placed_adoption: [
        [2, { child: 'a', date_placed: '2023-05-01' }],
        [3, { child: 'a', date_placed: '2023-08-01' }],
        [4, { child: 'b', date_placed: '2023-05-01', date_placed_ceased: '2023-06-01' }],
        [5, { child: 'b', date_placed: '2023-07-01' }],
      ],
    },
    fails: [['ssda903_placed_adoption', 3]],
  },
  {
    code: '601',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2022-01-01', dec: '2023-09-01', rec: 'E11' }],
        [3, { child: 'b', decom: '2022-01-01', dec: '2023-09-01', rec: 'E12' }],
      ],
      ssda903_ad1: [
        [2, { child: 'a', date_int: '2022-06-01' }],
        [
          3,
          {
            child: 'b',
            date_int: '2022-06-01',
            date_match: '2022-09-01',
            foster_care: false,
            nb_adoptr: '2',
            sex_adoptr: 'MF',
            ls_adoptr: 'L0',
          },
        ],
      ],
    },
    fails: [['ssda903_ad1', 2]],
  },
  {
    code: '1000',
    rows: {
      ssda903_episodes: [[2, { child: 'a', decom: '2023-01-01', dec: '2023-06-01', rec: 'E2' }]],
      ssda903_oc3: [
        [2, { child: 'a', in_touch: 'YES' }],
        [3, { child: 'b', in_touch: 'YES' }],
      ],
    },
    fails: [['ssda903_oc3', 2]],
  },
  {
    code: '1003',
    rows: {
      ssda903_episodes: [
        [2, { child: 'a', decom: '2023-05-01', rne: 'S' }],
        [3, { child: 'b', decom: '2023-05-01', rne: 'S' }],
      ],
      ssda903_placed_adoption: [
        [2, { child: 'a', date_placed: '2023-04-01' }],
        [3, { child: 'b', date_placed: '2023-06-01' }],
      ],
    },
    fails: [['ssda903_placed_adoption', 2]],
  },
  {
    code: '1012',
    rows: {
      ssda903_episodes: [[2, { child: 'a', decom: '2023-05-01' }]],
      ssda903_missing: [[2, { child: 'b', missing: 'M', mis_start: '2023-06-01' }]],
      ssda903_reviews: [
        [2, { child: 'a', review: '2023-06-01' }],
        [3, { child: 'c', review: '2023-06-01' }],
      ],
    },
    fails: [
      ['ssda903_missing', 2],
      ['ssda903_reviews', 3],
    ],
  },
  {
    code: '4000',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', referral_nfa: true }],
        [4, { child: 'b', referral_date: '2023-05-01', referral_nfa: false }],
      ],
      cin_plans: [
        [3, { child: 'a', referral_date: '2023-05-01', start_date: '2023-06-01' }],
        [5, { child: 'b', referral_date: '2023-05-01', start_date: '2023-06-01' }],
      ],
    },
    fails: [['cin_plans', 3]],
  },
  {
    code: '8600',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2024-05-01' }],
        [3, { child: 'b', referral_date: '2023-05-01' }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8608',
    rows: {
      cin_assessments: [
        [2, { child: 'a', referral_date: '2023-05-01', start_date: '2023-06-01', authorisation_date: '2023-05-01' }],
        [3, { child: 'b', referral_date: '2023-05-01', start_date: '2023-05-01', authorisation_date: '2023-06-01' }],
      ],
    },
    fails: [['cin_assessments', 2]],
  },
  {
    code: '8610',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', referral_nfa: false }],
        [3, { child: 'b', referral_date: '2023-05-01', referral_nfa: false, primary_need: 'N1' }],
        [4, { child: 'c', referral_date: '2023-05-01', referral_nfa: true }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8615',
    rows: {
      cin_section47: [
        [2, { child: 'a', referral_date: '2023-05-01', start_date: '2023-06-01', icpc_date: '2023-05-01' }],
        [3, { child: 'b', referral_date: '2023-05-01', start_date: '2023-05-01', icpc_date: '2023-05-20' }],
      ],
    },
    fails: [['cin_section47', 2]],
  },
  {
    code: '8620',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-01-01', closure_date: '2023-03-01' }],
        [3, { child: 'b', referral_date: '2023-01-01', closure_date: '2023-06-01' }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8630',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-06-01', closure_date: '2023-05-01' }],
        [3, { child: 'b', referral_date: '2023-05-01', closure_date: '2023-06-01' }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8696',
    rows: {
      cin_assessments: [
        [2, { child: 'a', referral_date: '2023-01-01', start_date: '2023-01-02', authorisation_date: '2023-03-01' }],
        [3, { child: 'b', referral_date: '2023-01-01', start_date: '2023-01-02', authorisation_date: '2023-05-01' }],
      ],
    },
    fails: [['cin_assessments', 2]],
  },
  {
    code: '8720',
    rows: {
      cin_cp_plans: [
        [2, { child: 'a', referral_date: '2023-05-01', start_date: '2024-05-01' }],
        [3, { child: 'b', referral_date: '2023-05-01', start_date: '2023-05-01' }],
      ],
    },
    fails: [['cin_cp_plans', 2]],
  },
  {
    code: '8740',
    rows: {
      cin_section47: [
        [2, { child: 'a', referral_date: '2023-03-01', start_date: '2023-03-01', icpc_not_required: false }],
        [3, { child: 'b', referral_date: '2023-03-01', start_date: '2023-03-01', icpc_not_required: true }],
        [4, { child: 'c', referral_date: '2023-05-01', start_date: '2023-05-01', icpc_not_required: false }],
      ],
    },
    fails: [['cin_section47', 2]],
  },
  {
    code: '8805',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', closure_date: '2023-06-01' }],
        [3, { child: 'b', referral_date: '2023-05-01', closure_date: '2023-06-01', closure_reason: 'RC1' }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8810',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', closure_reason: 'RC1' }],
        [3, { child: 'b', referral_date: '2023-05-01', closure_date: '2023-06-01', closure_reason: 'RC1' }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8815',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', referral_nfa: false }],
        [3, { child: 'a', referral_date: '2023-07-01', referral_nfa: false }],
        [4, { child: 'b', referral_date: '2023-05-01', referral_nfa: false }],
        [5, { child: 'b', referral_date: '2023-07-01', referral_nfa: true }],
      ],
    },
    fails: [
      ['cin_referrals', 2],
      ['cin_referrals', 3],
    ],
  },
  {
    code: '8820',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', closure_date: '2023-08-01', referral_nfa: false }],
        [3, { child: 'a', referral_date: '2023-07-01', closure_date: '2023-09-01', referral_nfa: false }],
        [4, { child: 'b', referral_date: '2023-05-01', closure_date: '2023-07-01', referral_nfa: false }],
        [5, { child: 'b', referral_date: '2023-07-01', referral_nfa: false }],
      ],
    },
    fails: [['cin_referrals', 3]],
  },
  {
    code: '8839',
    rows: {
      cin_section47: [
        [2, { child: 'a', referral_date: '2023-05-01', start_date: '2023-05-02', icpc_not_required: false }],
        [3, { child: 'a', referral_date: '2023-05-01', start_date: '2023-06-02', icpc_not_required: false }],
        [4, { child: 'b', referral_date: '2023-05-01', start_date: '2023-05-02', icpc_not_required: false }],
        [5, { child: 'b', referral_date: '2023-05-01', start_date: '2023-06-02', icpc_not_required: true }],
      ],
    },
    fails: [
      ['cin_section47', 2],
      ['cin_section47', 3],
    ],
  },
  {
    code: '8866',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01' }],
        [3, { child: 'b', referral_date: '2023-05-01', referral_source: '1A' }],
      ],
    },
    fails: [['cin_referrals', 2]],
  },
  {
    code: '8867',
    rows: {
      cin_referrals: [
        [2, { child: 'a', referral_date: '2023-05-01', closure_date: '2023-08-01' }],
        [4, { child: 'b', referral_date: '2023-05-01' }],
      ],
      cin_assessments: [
        [3, { child: 'a', referral_date: '2023-05-01', start_date: '2023-05-02' }],
        [5, { child: 'b', referral_date: '2023-05-01', start_date: '2023-05-02' }],
      ],
    },
    fails: [['cin_assessments', 3]],
  },
]

let store: ReturnsStore
beforeAll(async () => {
  store = await openReturnsStore(':memory:', { threads: 1 })
})
afterAll(() => store.close())

/** Loads hand-made rows as an extract, every field not given left empty. */
async function load(extractId: string, rows: Rows) {
  const specs = ALL_TABLES.filter((table) => rows[table.name])
  const loader = await store.loader(extractId, specs)
  for (const spec of specs)
    for (const [row, given] of rows[spec.name]) {
      const full: ReturnRow = Object.fromEntries(spec.fields.map((field) => [field.name, null]))
      loader.sink(spec.name, { ...full, ...given }, row)
    }
  await loader.finish()
}

describe('the validation rules', () => {
  it('has at least 40 rules, each with its own code, a message and a table and field of its return', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(40)
    expect(RULES.filter((rule) => rule.kind === '903').length).toBeGreaterThanOrEqual(25)
    expect(RULES.filter((rule) => rule.kind === 'cin').length).toBeGreaterThanOrEqual(15)
    expect(new Set(RULES.map((rule) => `${rule.kind} ${rule.code}`)).size).toBe(RULES.length)
    for (const rule of RULES) {
      const table = ALL_TABLES.find((spec) => spec.name === rule.table)
      expect(table, rule.code).toBeDefined()
      expect(
        table?.fields.map((field) => field.name),
        rule.code,
      ).toContain(rule.field)
      expect(rule.message.length, rule.code).toBeLessThanOrEqual(200)
    }
  })

  it('has a case for every rule', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual(RULES.map((rule) => rule.code).sort())
  })

  it.each(CASES)('rule $code fails the rows it should and passes the rest', async ({ code, rows, fails }) => {
    const rule = RULES.find((candidate) => candidate.code === code) as Rule
    const extractId = `case-${code}`
    await load(extractId, rows)
    // Each case has a row of the rule's table that must pass, as well as those that must fail.
    const failing = new Set(fails.map(([table, row]) => `${table}:${row}`))
    const passing = Object.entries(rows).flatMap(([table, list]) =>
      list.map(([row]) => `${table}:${row}`).filter((key) => !failing.has(key)),
    )
    expect(passing.length).toBeGreaterThan(0)

    const report = await validateExtract(store, { id: extractId, kind: rule.kind, year: YEAR }, { rules: [rule] })
    expect(report.failures.map((failure) => [failure.table, failure.row])).toEqual(fails)
    expect(report.failures.every((failure) => failure.code === code && failure.child !== null)).toBe(true)
    expect(report.byRule).toEqual([{ code, message: rule.message, count: fails.length }])
    expect(report.tablesWithFailures).toEqual([...new Set(fails.map(([table]) => table))].sort())
    expect(report.rulesChecked).toBe(1)
  })

  it('lists only the first failures asked for, by table and row, and counts the rest', async () => {
    await load('bounded', {
      cin_referrals: [5, 4, 3, 2].map((row): [number, ReturnRow] => [
        row,
        { child: `c${row}`, referral_date: '2024-06-01' },
      ]),
    })
    const report = await validateExtract(store, { id: 'bounded', kind: 'cin', year: YEAR }, { maxListed: 3 })
    expect(report.failures.map((failure) => [failure.code, failure.row])).toEqual([
      ['8600', 2],
      ['8866', 2],
      ['8600', 3],
    ])
    // Each referral fails 8600 (after the year) and 8866 (no source): 8 in all, 3 listed.
    expect(report.moreFailures).toBe(5)
    expect(report.byRule.map((entry) => [entry.code, entry.count])).toEqual([
      ['8600', 4],
      ['8866', 4],
    ])
    expect(report.rulesChecked).toBe(RULES.filter((rule) => rule.kind === 'cin').length)
  })
})

const KEY = 'a-test-key-that-is-long-enough-for-hmac-0123456789'

/** Writes a synthetic set and loads its 903 and CIN census as two extracts. */
async function loadSynthetic(name: string, children: number, errors: number) {
  const folder = await mkdtemp(join(tmpdir(), 'rules-'))
  try {
    const manifest = await writeSyntheticReturns({ children, year: YEAR, out: folder, errors, seed: 11 })
    const pseudonyms = createPseudonymiser(KEY)
    const ssda = await store.loader(`${name}-903`, Object.values(TABLES_903))
    for (const [table, file] of SYNTH_903_FILES)
      await read903File(join(folder, file), table, { pseudonyms, sink: ssda.sink })
    await ssda.finish()
    const cin = await store.loader(`${name}-cin`, Object.values(TABLES_CIN))
    await readCinFile(join(folder, SYNTH_FILES.cin), { pseudonyms, sink: cin.sink })
    await cin.finish()
    return manifest
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

describe('validating synthetic returns', () => {
  it('finds nothing wrong with a synthetic set without errors', async () => {
    await loadSynthetic('clean', 1500, 0)
    for (const kind of ['903', 'cin'] as const) {
      const report = await validateExtract(store, { id: `clean-${kind}`, kind, year: YEAR })
      expect(report.byRule, kind).toEqual([])
      expect(report.failures).toEqual([])
    }
  })

  it('finds the seeded errors that a rule covers, where they were put', async () => {
    const manifest = await loadSynthetic('seeded', 400, 10)
    const seeded = manifest.errors.filter((error) => error.table === 'cin_referrals')
    expect(seeded.length).toBeGreaterThan(0)
    const report = await validateExtract(store, { id: 'seeded-cin', kind: 'cin', year: YEAR })
    const found = report.failures.filter((failure) => failure.code === '8866')
    expect(found.map((failure) => failure.row)).toEqual(seeded.map((error) => error.row))
  })

  it('runs every rule over a synthetic set of 5,000 children', async () => {
    await loadSynthetic('large', 5000, 0)
    for (const kind of ['903', 'cin'] as const) {
      const report = await validateExtract(store, { id: `large-${kind}`, kind, year: YEAR })
      expect(report.rulesChecked).toBe(RULES.filter((rule) => rule.kind === kind).length)
    }
  }, 120_000)
})
