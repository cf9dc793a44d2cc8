import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { load } from 'cheerio'
import { decisionSlug } from '#src/modules/decisions/index.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../test/support/harness.ts'
import { heading, links, text } from '../../test/support/html.ts'
import { type RecordSnapshot, snapshotRecord } from '../../test/support/record-snapshot.ts'
import { LARGE_COUNCIL, type LargeCouncilSummary, largePlan, loadLargeCouncil } from './large.ts'

/** A hundredth of the full size: every kind of record, loaded in a second or so. */
const SCALE = 0.01

describe('the large council’s plan', () => {
  it('at full size: 30 bodies, 2,500 meetings of ten items, the busiest body with three times the others’ share', () => {
    const plan = largePlan()
    expect(plan.meetingsPerBody).toHaveLength(LARGE_COUNCIL.bodies)
    expect(plan.meetingsPerBody.reduce((sum, n) => sum + n, 0)).toBe(2_500)
    expect(Math.max(...plan.meetingsPerBody.slice(1)) * 3).toBeLessThanOrEqual(plan.meetingsPerBody[0] + 3)
    expect(plan.meetingsPerBody.every((n) => n > 0)).toBe(true)
    expect(plan).toMatchObject({
      itemsPerMeeting: 10,
      recommendations: 5_000,
      updatesPerRecommendation: 4,
      decisions: 1_000,
      indicators: 500,
      periods: 120,
      auditEvents: 200_000,
    })
  })

  it('takes a scale more than 0 and at most 1', () => {
    expect(() => largePlan(0)).toThrow(RangeError)
    expect(() => largePlan(2)).toThrow(RangeError)
    expect(() => largePlan(Number.NaN)).toThrow(RangeError)
  })
})

describe.each(testDatabases())('the synthetic large council beside the demo ($name)', (database) => {
  let t: TestApp
  let before: RecordSnapshot
  let after: RecordSnapshot
  let summary: LargeCouncilSummary

  beforeAll(async () => {
    t = await startTestApp(database)
    before = await snapshotRecord(t.db)
    summary = await loadLargeCouncil(t.db, { scale: SCALE })
    after = await snapshotRecord(t.db)
  })
  afterAll(async () => t?.close())

  it('adds each kind of record in proportion to the full size', () => {
    expect(summary.loaded).toBe(true)
    expect(summary.counts).toEqual({
      bodies: 3, // at least three, so that one is the busiest
      people: 15, // at least ten councillors and five officers
      memberships: 30,
      meetings: LARGE_COUNCIL.meetings * SCALE,
      agendaItems: LARGE_COUNCIL.meetings * SCALE * 10,
      reports: LARGE_COUNCIL.meetings * SCALE * 10,
      recommendations: LARGE_COUNCIL.recommendations * SCALE,
      recommendationUpdates: LARGE_COUNCIL.recommendations * SCALE * 4,
      decisions: LARGE_COUNCIL.decisions * SCALE,
      indicators: LARGE_COUNCIL.indicators * SCALE,
      indicatorPeriods: 120,
      indicatorValues: LARGE_COUNCIL.indicators * SCALE * 120,
      auditEvents: LARGE_COUNCIL.auditEvents * SCALE,
    })
  })

  it('leaves every row of the demo as it was', () => {
    for (const [table, rows] of Object.entries(before.tables)) {
      const now = new Set(after.tables[table])
      expect(
        rows.filter((row) => !now.has(row)),
        table,
      ).toEqual([])
    }
  })

  it('names everything it adds as synthetic, dated in the ten municipal years before the demo’s today', async () => {
    const added = (table: string) => after.tables[table].filter((row) => !before.tables[table].includes(row))
    const field = (table: string, name: string) =>
      added(table).map((row) => (JSON.parse(row) as Record<string, unknown>)[name])
    for (const [table, name] of [
      ['bodies', 'name'],
      ['people', 'name'],
      ['agenda_items', 'title'],
      ['reports', 'title'],
      ['recommendations', 'text'],
      ['decisions', 'title'],
      ['indicators', 'name'],
      ['indicator_periods', 'name'],
    ]) {
      expect(
        field(table, name).every((value) => String(value).startsWith('Synthetic ')),
        table,
      ).toBe(true)
    }
    const dates = field('meetings', 'date') as string[]
    expect(dates.every((date) => date >= '2013-05-01' && date <= '2023-04-30')).toBe(true)
    const events = added('audit_events').map((row) => JSON.parse(row) as Record<string, string>)
    const made = events.filter((event) => event.action !== 'loaded synthetic large council')
    expect(made.every((event) => event.actor_label.startsWith('Synthetic Officer '))).toBe(true)
    const days = [...made.map((event) => event.app_date), ...field('recommendation_updates', 'on_date')] as string[]
    expect(days.every((day) => day >= '2013-04-01' && day < '2024-01-22')).toBe(true)
    const decisions = added('decisions').map((row) => JSON.parse(row) as Record<string, string>)
    for (const decision of decisions) {
      expect(decision.slug).toBe(decisionSlug({ number: decision.number, decidedOn: decision.decided_on, title: '' }))
    }
  })

  it('serves its committee, meeting, report, tracker, decision and indicator pages to the public', async () => {
    const visitor = t.visitor()
    const committee = await visitor.get(summary.addresses.committee)
    expect(committee.statusCode).toBe(200)
    expect(heading(committee.body)).toBe('Synthetic Committee 01')
    const meeting = await visitor.get(summary.addresses.meeting)
    expect(meeting.statusCode).toBe(200)
    expect(text(meeting.body)).toContain('Synthetic Committee 01')
    expect(links(meeting.body)).toContain(summary.addresses.report)
    for (const address of [
      summary.addresses.report,
      summary.addresses.recommendations,
      summary.addresses.decision,
      summary.addresses.indicator,
    ]) {
      const page = await visitor.get(address)
      expect(page.statusCode, address).toBe(200)
      expect(text(page.body), address).toContain('Synthetic')
    }
  })

  it('keeps the outcomes framework to the baseline and the latest six of its 124 periods', async () => {
    const page = await t.visitor().get('/outcomes')
    expect(page.statusCode).toBe(200)
    expect(text(page.body)).toContain('The tables show the baseline and the latest 6 reporting periods.')
    expect(text(page.body)).toContain('117 earlier periods are on each indicator’s page.')
    const table = load(page.body)('table').first()
    expect(table.find('thead th').length).toBe(1 + 7 + 2)
  })

  it('makes its papers searchable like any others', async () => {
    const page = await t.visitor().get('/search?q=fostering')
    expect(page.statusCode).toBe(200)
    expect(links(page.body).some((href) => href.includes('-synthetic-committee-'))).toBe(true)
  })

  it('adds nothing when it is there already, and says so', async () => {
    const again = await loadLargeCouncil(t.db, { scale: SCALE })
    expect(again).toEqual({ ...summary, loaded: false })
    expect((await snapshotRecord(t.db)).tables).toEqual(after.tables)
  })

  it('refuses a database without the demo', async () => {
    const handle = await database.openPrepared('migrated')
    try {
      await expect(loadLargeCouncil(handle.db, { scale: SCALE })).rejects.toThrow('only beside the demo data')
      expect(await handle.db.selectFrom('bodies').select('id').execute()).toEqual([])
    } finally {
      await handle.close()
    }
  })
})

describe('npm run demo -- --scale', () => {
  const folder = mkdtempSync(join(tmpdir(), 'oversight-demo-scale-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('refuses a scale there is not, with the usage and exit code 2, before opening any database', () => {
    const run = (...args: string[]) =>
      spawnSync(join('node_modules', '.bin', 'tsx'), ['src/main.ts', 'demo', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: folder, DATABASE_URL: '' },
      })
    const huge = run('--scale', 'huge')
    expect(huge.status).toBe(2)
    expect(huge.stderr).toContain('Unknown scale "huge": the only scale is large (npm run demo -- --scale large).')
    expect(huge.stderr).toContain('demo [--scale large]')
    const other = run('--size', 'large')
    expect(other.status).toBe(2)
    expect(other.stderr).toContain('Unknown argument to demo: --size large')
    expect(readdirSync(folder)).toEqual([])
  }, 60_000)
})
