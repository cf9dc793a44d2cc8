import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedLines } from '../../test/support/seeds.ts'
import type { Database } from '#src/database.ts'
import { MILESTONE_STATUSES, loadDemoImprovement } from '#src/modules/improvement/index.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import { demoLookup } from '#src/platform/demo/records.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { openDemoDatabase } from '../../test/support/demo-database.ts'
import { readDemoDataset } from './dataset.ts'

/**
 * Checks the demo improvement plan against the paper it was transcribed from, the plan tables of
 * Appendix 8(b) of the 25 January 2024 pack (read from the seed text, which
 * OVERSIGHT_SEEDS_DIR or ../shared/seeds holds), and that it loads into a fresh database.
 */
const SEED = seedLines('000_584beb4c97a436e5.txt')
const DEMO_TODAY = '2024-01-22'

const DEMO = readDemoDataset()
const [DEMO_PLAN] = DEMO.improvement.plans
const actions = DEMO_PLAN.themes.flatMap((theme) => theme.actions)
const milestones = actions.flatMap((action) => action.milestones)
const updates = milestones.flatMap((milestone) => milestone.updates)

/** A completion date cell: "16 Mar 2023", "13 – 14 Jul 2023", "Oct 2024", "To commence Sept 2023", "Termly …". */
const DUE = new RegExp(
  [
    /^(?:(?:Commissioned|To commence) )?(?:\d{1,2}(?: – \d{1,2})? )?[A-Z][a-z]+ \d{4}$/.source,
    /^Termly monitoring$|^Ongoing$|^Quarterly$/.source,
  ].join('|'),
)
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The paper's completion date as the demo holds it: a month alone is its last day; no date is null. */
function paperDue(cell: string): string | null {
  const match = /(?:(\d{1,2}) )?([A-Z][a-z]+) (\d{4})$/.exec(cell)
  if (!match) return null
  const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1
  expect(month, cell).toBeGreaterThan(0)
  const year = Number(match[3])
  const day = match[1] ? Number(match[1]) : new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

/** Lower case, straight quotes and hyphens, no markup, single spaces. */
const normal = (text: string) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

interface PaperAction {
  reference: string | null
  title: string
  leads: string
  milestones: { text: string; due: string }[]
}

/** The plan tables, from the "Ref. | What are we going to do?" heading to "How we will measure success". */
function paperTables() {
  const lines = SEED ?? []
  const from = lines.findIndex((line) => line.startsWith('Ref.\tWhat are we going to do?'))
  const to = lines.findIndex((line, index) => index > from && line.startsWith('How we will measure success'))
  expect(from).toBeGreaterThan(-1)
  expect(to).toBeGreaterThan(from)
  const rows = lines.slice(from + 1, to).map((line) =>
    line.split('\t').map((cell) =>
      cell
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  )
  const paper: PaperAction[] = []
  const themeLeads: string[] = []
  let current: PaperAction | undefined
  for (const cells of rows) {
    const [first = '', second = '', third = ''] = cells
    const themeLead = /^Head of Service Lead (.+?)\.?$/.exec(first)
    if (themeLead) themeLeads.push(themeLead[1])
    if (/^\d+\.\d+$/.test(first)) {
      current = { reference: first, title: second, leads: third, milestones: [] }
      paper.push(current)
    } else if (first === '' && second !== '' && third !== '' && !DUE.test(third) && DUE.test(cells[4] ?? '')) {
      // The one action the paper prints without a reference.
      current = { reference: null, title: second, leads: third, milestones: [] }
      paper.push(current)
    } else if (current && first === '' && third !== '' && !DUE.test(third)) {
      current.leads += ` ${third}`
    }
    const due = cells.findIndex((cell, index) => index > 0 && DUE.test(cell) && cells[index - 1] !== '')
    if (current && due > 0) current.milestones.push({ text: cells[due - 1], due: cells[due] })
  }
  return { paper, themeLeads, rows }
}

describe.skipIf(!SEED)('the demo plan against Appendix 8(b)', () => {
  const { paper, themeLeads, rows } = SEED ? paperTables() : { paper: [], themeLeads: [], rows: [] }
  const demoFor = (row: PaperAction) =>
    row.reference === null
      ? actions.find((action) => normal(action.title) === normal(row.title))
      : actions.find((action) => action.reference === row.reference)

  it('has every theme, with its head-of-service lead', () => {
    expect(themeLeads).toHaveLength(7)
    expect(DEMO_PLAN.themes.map((theme) => theme.lead)).toEqual(themeLeads)
    expect(DEMO_PLAN.themes.map((theme) => theme.number)).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    for (const theme of DEMO_PLAN.themes) {
      for (const action of theme.actions) {
        expect(action.reference.startsWith(`${theme.number}.`), action.reference).toBe(true)
      }
    }
  })

  it('has every action of the paper, and no other', () => {
    expect(paper.length).toBeGreaterThan(30)
    expect(paper.filter((row) => row.reference === null)).toHaveLength(1)
    const found = paper.map(demoFor)
    const missing = paper.filter((row, index) => !found[index]).map((row) => row.reference ?? row.title)
    expect(missing).toEqual([])
    expect(new Set(found).size).toBe(actions.length)
    expect(new Set(actions.map((action) => action.reference)).size).toBe(actions.length)
  })

  const cases = paper.map((row) => [row.reference ?? row.title, row] as const)
  it.each(cases)('%s has the paper’s title, leads and milestones', (_, row) => {
    const action = demoFor(row)!
    expect(normal(action.title).startsWith(normal(row.title))).toBe(true)
    expect(action.leads.length).toBeGreaterThan(0)
    for (const lead of action.leads) expect(normal(row.leads)).toContain(normal(lead.name))
    expect(action.milestones.map((milestone) => milestone.dueOn)).toEqual(row.milestones.map((m) => paperDue(m.due)))
    action.milestones.forEach((milestone, index) => {
      const firstWord = (text: string) => normal(text).split(' ')[0]
      expect(firstWord(milestone.text)).toBe(firstWord(row.milestones[index].text))
      if (milestone.dueOn === null) expect(milestone.dueNote).toBe(row.milestones[index].due)
    })
  })

  it('tells the positions in its own words', () => {
    const paperText = normal(rows.map((cells) => cells.join(' ')).join(' '))
    const cells = new Set(rows.flat().map((cell) => normal(cell).replace(/\.$/, '')))
    for (const update of updates) {
      const text = normal(update.text)
      expect(cells.has(text.replace(/\.$/, '')), update.text).toBe(false)
      for (let at = 0; at + 60 <= text.length; at++) {
        expect(paperText.includes(text.slice(at, at + 60)), update.text).toBe(false)
      }
    }
  })
})

describe('the demo plan', () => {
  it('has valid dates, statuses and completion dates', () => {
    expect(milestones.length).toBeGreaterThan(100)
    for (const milestone of milestones) {
      expect(MILESTONE_STATUSES).toContain(milestone.status)
      if (milestone.dueOn === null) expect(milestone.dueNote ?? '', milestone.text).not.toBe('')
      else expect(isDate(milestone.dueOn), milestone.text).toBe(true)
      if (milestone.status === 'complete') expect(isDate(milestone.completedOn ?? ''), milestone.text).toBe(true)
      else expect(milestone.completedOn ?? null, milestone.text).toBeNull()
    }
  })

  it('dates every update, in order, one sentence each, and records each status change', () => {
    for (const milestone of milestones) {
      let status: string = 'not started'
      let last = ''
      for (const update of milestone.updates) {
        expect(isDate(update.on), update.text).toBe(true)
        expect(update.on >= '2023-01-01' && update.on <= DEMO_TODAY, update.on).toBe(true)
        expect(update.on >= last, milestone.text).toBe(true)
        last = update.on
        expect(update.text).toMatch(/^[A-Z0-9].*\.$/)
        expect(update.text, 'one sentence').not.toMatch(/[.!?] [A-Z]/)
        if (update.statusTo) {
          expect(update.statusTo, `a change: ${update.text}`).not.toBe(status)
          status = update.statusTo
        }
      }
      expect(status, milestone.text).toBe(milestone.status)
    }
  })

  it('answers each of the four ILACS areas for improvement, and links leads to demo people', () => {
    const answered = new Set(actions.flatMap((action) => action.findings))
    expect([...answered].every((f) => f.inspection === 'ilacs-2022' && f.kind === 'area for improvement')).toBe(true)
    expect([...new Set([...answered].map((finding) => finding.number))].sort()).toEqual([1, 2, 3, 4])
    const people = new Map(DEMO.bodies.people.map((person) => [person.slug, person.name]))
    for (const lead of actions.flatMap((action) => action.leads)) {
      if (lead.person) expect(people.get(lead.person)).toBe(lead.name)
      else expect([...people.values()]).not.toContain(lead.name)
    }
  })
})

describe('loadDemoImprovement', () => {
  it('refuses a plan that points at a record the demo does not hold, naming it', async () => {
    const handle = await testDatabases()[0].open()
    try {
      await migrateToLatest(handle.db)
      const none = { meetingId: demoLookup('the meeting', []), personId: demoLookup('the person', []) }
      const load = handle.db
        .transaction()
        .execute((trx) => loadDemoImprovement(trx, { inspections: [], plans: [DEMO_PLAN] }, none))
      await expect(load).rejects.toThrow('The demo data refers to the person "chris-coyle", which it does not hold')
      expect(await handle.db.selectFrom('improvementPlans').selectAll().execute()).toEqual([])
    } finally {
      await handle.close()
    }
  })
})

describe.each(testDatabases())('the demo plan as loaded on $name', (database) => {
  let handle: DatabaseHandle<Database>

  beforeAll(async () => {
    handle = await openDemoDatabase(database)
  })

  afterAll(async () => {
    await handle?.close()
  })

  it('stores the plan with its links to people, findings, the inspection and the meetings', async () => {
    const db = handle.db
    const plan = await db.selectFrom('improvementPlans').selectAll().executeTakeFirstOrThrow()
    expect(plan).toMatchObject({ slug: DEMO_PLAN.slug, startsOn: '2023-04-01', endsOn: '2024-10-31', version: '1.0' })
    const owner = await db.selectFrom('people').select('id').where('slug', '=', 'chris-coyle').executeTakeFirstOrThrow()
    expect(plan.ownerPersonId).toBe(owner.id)
    expect(await db.selectFrom('planVersions').select('version').execute()).toEqual([{ version: '1.0' }])
    expect(await db.selectFrom('planInspections').selectAll().execute()).toHaveLength(1)
    const considered = await db
      .selectFrom('planConsiderations')
      .innerJoin('meetings', 'meetings.id', 'planConsiderations.meetingId')
      .select('meetings.slug')
      .orderBy('meetings.date')
      .execute()
    expect(considered.map((row) => row.slug)).toEqual(DEMO_PLAN.consideredAt)
    const themes = await db.selectFrom('planThemes').select(['number', 'lead']).orderBy('position').execute()
    expect(themes.map((theme) => theme.number)).toEqual(DEMO_PLAN.themes.map((theme) => theme.number))
    expect(await db.selectFrom('planActions').selectAll().execute()).toHaveLength(actions.length)
    expect(await db.selectFrom('planMilestones').selectAll().execute()).toHaveLength(milestones.length)
    const stored = await db.selectFrom('planUpdates').selectAll().execute()
    expect(stored).toHaveLength(updates.length)
    expect(stored.every((update) => update.milestoneId !== null && update.actionId === null)).toBe(true)
    const leads = await db.selectFrom('planActionLeads').selectAll().execute()
    expect(leads).toHaveLength(actions.reduce((sum, action) => sum + action.leads.length, 0))
    expect(leads.filter((lead) => lead.personId !== null)).toHaveLength(
      actions.flatMap((action) => action.leads).filter((lead) => lead.person).length,
    )
    expect(await db.selectFrom('planActionFindings').selectAll().execute()).toHaveLength(
      actions.reduce((sum, action) => sum + action.findings.length, 0),
    )
    const action45 = await db
      .selectFrom('planMilestones as m')
      .innerJoin('planActions as a', 'a.id', 'm.actionId')
      .select(['m.dueOn', 'm.dueNote', 'm.status', 'm.completedOn'])
      .where('a.reference', '=', '4.5')
      .orderBy('m.position')
      .execute()
    expect(action45[0]).toEqual({ dueOn: '2023-02-28', dueNote: '', status: 'complete', completedOn: '2023-02-28' })
    expect(action45[2].status).toBe('delayed')
  })

  it('records each status change from the status before it, leaving each milestone at its status', async () => {
    const rows = await handle.db
      .selectFrom('planUpdates as u')
      .innerJoin('planMilestones as m', 'm.id', 'u.milestoneId')
      .select(['m.id', 'm.status', 'u.statusFrom', 'u.statusTo', 'u.text'])
      .orderBy('m.id')
      .orderBy('u.onDate')
      .orderBy('u.createdAt')
      .execute()
    const statusOf = new Map<string, string>()
    for (const row of rows) {
      if (row.statusTo === null) {
        expect(row.statusFrom, row.text).toBeNull()
        continue
      }
      expect(row.statusFrom, row.text).toBe(statusOf.get(row.id) ?? 'not started')
      statusOf.set(row.id, row.statusTo)
    }
    const changed = rows.filter((row) => row.statusTo !== null)
    expect(changed.length).toBeGreaterThan(80)
    for (const row of changed) expect(statusOf.get(row.id)).toBe(row.status)
  })
})
