import { readFile, rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { text } from '../../../test/support/html.ts'
import { ITEM_9202, changedJune, fixtureCopy, meeting2005 } from '../../../test/support/moderngov-changes.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { applyPlan } from './apply.ts'
import { importCommand } from './command.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { readResponseFolder } from './moderngov/read-folder.ts'

const MARCH = '/meetings/2024-03-14-children-and-young-people-scrutiny-committee'
const JUNE = '/meetings/2024-06-20-children-and-young-people-scrutiny-committee'
const TYPES = ['body', 'person', 'membership', 'meeting', 'agenda item', 'attendance']

describe.each(testDatabases())('a later import on $name', (database) => {
  let t: TestApp
  const folders: string[] = []

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, today: '2024-06-01' })
  })
  afterAll(async () => {
    await t?.close()
    for (const folder of folders) await rm(folder, { recursive: true, force: true })
  })

  async function folderOf(edits?: Record<string, [string, string][]>, extra?: Record<string, string>) {
    const folder = await fixtureCopy(edits, extra)
    folders.push(folder)
    return folder
  }

  async function run(folder: string) {
    const out: string[] = []
    const io = {
      today: '2024-06-01',
      out: (line: string) => out.push(line),
      err: (line: string) => out.push(line),
      openDatabase: () => Promise.resolve({ db: t.db, close: () => Promise.resolve() }),
    }
    const code = await importCommand(['moderngov', folder, '--apply'], io)
    return { code, out: out.join('\n') }
  }

  async function planOf(folder: string) {
    return buildPlan(await readResponseFolder(folder), { bodies: [], from: null, to: null, today: '2024-06-01' })
  }

  /** Every imported record's provenance, its meeting's fields and the number of audit events. */
  async function state() {
    const [sources, meetings, items, audit] = await Promise.all([
      t.db.selectFrom('importSources').selectAll().orderBy('recordType').orderBy('sourceId').execute(),
      t.db.selectFrom('meetings').selectAll().orderBy('date').execute(),
      t.db.selectFrom('agendaItems').select(['id', 'title', 'position']).orderBy('id').execute(),
      t.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ])
    return { sources, meetings, items, audit: Number(audit.n) }
  }

  const itemsOf = (date: string) =>
    t.db
      .selectFrom('agendaItems')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .select(['agendaItems.position', 'agendaItems.number', 'agendaItems.title'])
      .where('meetings.date', '=', date)
      .orderBy('agendaItems.position')
      .execute()

  it('creates nothing and updates nothing when the same import runs again', async () => {
    const folder = await folderOf()
    expect((await run(folder)).code).toBe(0)
    const before = await state()
    const { code, out } = await run(folder)
    expect(code).toBe(0)
    for (const type of TYPES) expect(out).toMatch(new RegExp(`  ${type}: 0 created, 0 updated, \\d+ unchanged`))
    expect(out).not.toContain('Edited here since')
    expect(out).not.toContain('Not written')
    expect(await state()).toEqual(before)
  })

  it('shows the minutes the council published on the public meeting page and in search, and no others', async () => {
    const visitor = t.visitor()
    expect(text((await visitor.get(MARCH)).body)).toContain('Minutes (not yet approved)')
    const minutes = text((await visitor.get(`${MARCH}/minutes`)).body)
    expect(minutes).toContain('The Committee considered the report. RESOLVED: that the report be noted.')
    expect(minutes).not.toContain('The Committee noted the contract position.')
    const found = text((await visitor.get('/search?q=resolved')).body)
    expect(found).toContain("Children's social care performance, quarter 3")

    expect(text((await visitor.get(JUNE)).body)).not.toContain('Minutes (not yet approved)')
    expect((await visitor.get(`${JUNE}/minutes`)).statusCode).toBe(404)
  })

  it('updates what changed there and adds what is new; a preview gives the same and writes nothing', async () => {
    const folder = await folderOf(
      {
        'meeting-2001.xml': [
          ['<meetingtime>18:00', '<meetingtime>18:30'],
          ['Committee Room A, Town Hall', 'Council Chamber, Town Hall'],
          ['quarter 3</agendaitemtitle>', 'quarter 3 (revised)</agendaitemtitle>'],
        ],
      },
      {
        'meeting-2002.xml': await changedJune(),
        'meeting-2005.xml': await meeting2005('9502'),
      },
    )
    const plan = await planOf(folder)
    const before = await state()
    const preview = await applyPlan(t.db, systemContext('preview'), plan, { preview: true, today: '2024-06-01' })
    expect(await state()).toEqual(before)

    const applied = await applyPlan(t.db, systemContext('apply'), plan, { today: '2024-06-01' })
    expect(applied).toEqual(preview)
    if (!applied.applied) throw new Error('not applied')
    expect(applied.created).toEqual({
      body: 0,
      person: 0,
      membership: 0,
      meeting: 1,
      'agenda item': 3,
      attendance: 2,
      document: 0,
    })
    expect(applied.updated).toEqual({
      body: 0,
      person: 0,
      membership: 0,
      meeting: 2,
      'agenda item': 3,
      attendance: 0,
      document: 0,
    })
    expect(applied.conflicts).toEqual([])
    expect(applied.skipped).toEqual([])

    const march = await t.db
      .selectFrom('meetings')
      .select(['startTime', 'venue', 'slug'])
      .where('date', '=', '2024-03-14')
      .executeTakeFirstOrThrow()
    expect(march).toEqual({ startTime: '18:30', venue: 'Council Chamber, Town Hall', slug: MARCH.slice(10) })
    expect((await itemsOf('2024-03-14'))[1]?.title).toBe("Children's social care performance, quarter 3 (revised)")
    expect(await itemsOf('2024-06-20')).toEqual([
      { position: 1, number: '1.', title: 'Youth justice plan' },
      { position: 2, number: '2.', title: 'Minutes of the last meeting' },
      { position: 3, number: '3.', title: 'Care leavers’ offer' },
    ])
    const june = text((await t.visitor().get(JUNE)).body)
    expect(june).toContain('Cancelled')
    // The public is told that a meeting yet to take place has moved; a past meeting's venue is corrected.
    const moves = await t.db
      .selectFrom('meetingVenueChanges')
      .innerJoin('meetings', 'meetings.id', 'meetingVenueChanges.meetingId')
      .select(['meetings.date', 'fromVenue', 'toVenue', 'changedOn'])
      .execute()
    expect(moves).toEqual([
      {
        date: '2024-06-20',
        fromVenue: 'Committee Room A, Town Hall',
        toVenue: 'Committee Room B, Town Hall',
        changedOn: '2024-06-01',
      },
    ])
    expect(await itemsOf('2024-10-10')).toHaveLength(2)
    const history = text((await (await t.as('admin')).get(MARCH)).body)
    expect(history).toContain('system Updated from import')
  })

  it('keeps an edit made here since the last import, and lists the conflict', async () => {
    const admin = await t.as('admin')
    const form = await admin.openForm(`${MARCH}/edit`)
    const edited = await admin.post(`${MARCH}/edit`, { ...form, venue: 'The Grand Hall' })
    expect(edited.statusCode).toBe(303)

    const folder = await folderOf({
      'meeting-2001.xml': [
        ['<meetingtime>18:00', '<meetingtime>18:30'],
        ['Committee Room A, Town Hall', 'Committee Room B, Town Hall'],
        ['quarter 3</agendaitemtitle>', 'quarter 3 (revised)</agendaitemtitle>'],
      ],
    })
    const { code, out } = await run(folder)
    expect(code).toBe(0)
    const id = (
      await t.db.selectFrom('meetings').select('id').where('date', '=', '2024-03-14').executeTakeFirstOrThrow()
    ).id
    expect(out).toContain(
      `Edited here since the last import, so left as they are (1):\n  meeting-2001.xml, meeting 2001 (here ${id}): venue differ`,
    )
    const march = await t.db
      .selectFrom('meetings')
      .select(['venue', 'startTime'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(march).toEqual({ venue: 'The Grand Hall', startTime: '18:30' })
  })

  it('lists a record deleted here as not written, and writes nothing under it', async () => {
    await t.db.deleteFrom('meetings').where('date', '=', '2024-10-10').execute()
    const folder = await folderOf(
      {},
      {
        'meeting-2005.xml': await meeting2005('9504'),
      },
    )
    const { code, out } = await run(folder)
    expect(code).toBe(0)
    expect(out).toContain('  meeting-2005.xml, meeting 2005: it was deleted here after an earlier import')
    expect(out).toContain('  meeting-2005.xml, agenda item 9504: its meeting (2005) is not written')
    expect(await itemsOf('2024-10-10')).toEqual([])
  })

  it('keeps an item added here in its place, and lists a new one whose number it has as not written', async () => {
    const june = await t.db
      .selectFrom('meetings')
      .select('id')
      .where('date', '=', '2024-06-20')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('agendaItems')
      .values({ meetingId: june.id, number: '4.', position: 4, title: 'Added here', purpose: '', minute: '' })
      .execute()
    const original = await readFile('test/fixtures/moderngov/meeting-2002.xml', 'utf8')
    const second = ITEM_9202.exec(original)![0]
    const more = (id: string, n: string, title: string) =>
      second.replace('9202', id).replace('2.</full', `${n}.</full`).replace('Youth justice plan', title)
    const folder = await folderOf(
      {},
      {
        'meeting-2002.xml': original.replace(
          second,
          `${second}
${more('9204', '4', 'Fostering')}
${more('9205', '5', 'Adoption')}`,
        ),
      },
    )
    const first = await run(folder)
    expect(first.out).toContain(
      'Not written (1):\n  meeting-2002.xml, agenda item 9204: another item of its meeting here has its number, 4.',
    )
    expect(first.out).toContain('  agenda item: 1 created, ')
    expect((await itemsOf('2024-06-20')).slice(3)).toEqual([
      { position: 4, number: '4.', title: 'Added here' },
      { position: 5, number: '5.', title: 'Adoption' },
    ])
    const again = await run(folder)
    expect(again.out).toContain('  agenda item: 0 created, 0 updated, ')
    // The meeting edited here earlier is still listed; no item is.
    expect(again.out).not.toMatch(/agenda item \d+ \(here/)
  })

  it('leaves the item minutes of minutes approved here as they are, and lists the change', async () => {
    const march = await t.db
      .selectFrom('meetings')
      .select('id')
      .where('date', '=', '2024-03-14')
      .executeTakeFirstOrThrow()
    await t.db.updateTable('minutes').set({ status: 'approved' }).where('meetingId', '=', march.id).execute()
    const folder = await folderOf({
      'meeting-2001.xml': [['There were no declarations of interest.', 'Councillor Oakfield declared an interest.']],
    })
    const { out } = await run(folder)
    expect(out).toMatch(/meeting-2001\.xml, agenda item 9101 \(here [-0-9a-f]+\): minute differ/)
    const item = await t.db
      .selectFrom('agendaItems')
      .select('minute')
      .where('meetingId', '=', march.id)
      .where('position', '=', 1)
      .executeTakeFirstOrThrow()
    expect(item.minute).toBe('There were no declarations of interest.')
  })

  it('takes a record imported before its fields were kept as unchanged when it is as the plan gives it', async () => {
    await t.db.updateTable('importSources').set({ fields: null }).where('recordType', '=', 'body').execute()
    const { out } = await run(await folderOf())
    expect(out).toContain('  body: 0 created, 0 updated, 4 unchanged')
    const kept = await t.db.selectFrom('importSources').select('fields').where('recordType', '=', 'body').execute()
    expect(kept.every((row) => row.fields !== null)).toBe(true)
  })
})
