import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import type { Database } from '#src/database.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { applyPlan } from './apply.ts'
import { importCommand } from './command.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { readResponseFolder } from './moderngov/read-folder.ts'

const FIXTURES = 'test/fixtures/moderngov'

describe.each(testDatabases())('import moderngov --apply on $name', (database) => {
  let handle: DatabaseHandle<Database>
  let clean: string

  beforeAll(async () => {
    handle = await database.openPrepared('migrated')
    clean = await mkdtemp(join(tmpdir(), 'moderngov-apply-'))
    await cp(FIXTURES, clean, { recursive: true, filter: (source) => !source.endsWith('malformed.xml') })
  })
  afterAll(async () => {
    await handle?.close()
    if (clean) await rm(clean, { recursive: true, force: true })
  })

  async function run(...args: string[]) {
    const out: string[] = []
    const io = {
      today: '2024-06-01',
      out: (line: string) => out.push(line),
      err: (line: string) => out.push(line),
      // The suite's database stays open for the next test: the command's close leaves it be.
      openDatabase: () => Promise.resolve({ db: handle.db, close: () => Promise.resolve() }),
    }
    return { code: await importCommand(args, io), out: out.join('\n') }
  }

  async function counts() {
    const count = async (table: 'bodies' | 'people' | 'meetings' | 'agendaItems' | 'importSources' | 'auditEvents') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return {
      bodies: await count('bodies'),
      people: await count('people'),
      meetings: await count('meetings'),
      items: await count('agendaItems'),
      sources: await count('importSources'),
      audit: await count('auditEvents'),
    }
  }

  it('writes nothing when a file of the folder is malformed', async () => {
    const { code, out } = await run('moderngov', FIXTURES, '--apply')
    expect(out).toContain('Nothing was written:\n  malformed.xml: line 10: unexpected close tag')
    expect(code).toBe(1)
    expect(await counts()).toEqual({ bodies: 0, people: 0, meetings: 0, items: 0, sources: 0, audit: 0 })
  })

  it('leaves nothing behind when a write fails half-way', async () => {
    // An agenda item number longer than the record allows fails after the bodies and people are written.
    const folder = await mkdtemp(join(tmpdir(), 'moderngov-long-'))
    try {
      await cp(clean, folder, { recursive: true })
      const file = join(folder, 'meeting-2002.xml')
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace(
          '<fulldisplaynumberformat>2.',
          `<fulldisplaynumberformat>${'9'.repeat(30)}`,
        ),
      )
      const { code, out } = await run('moderngov', folder, '--apply')
      expect(out).toContain('Nothing was written:\n  the database refused a record, so the whole run was undone: ')
      expect(code).toBe(1)
      expect(await counts()).toEqual({ bodies: 0, people: 0, meetings: 0, items: 0, sources: 0, audit: 0 })
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('undoes everything when what must commit with the records (marking its batch applied) fails', async () => {
    const before = await counts()
    const plan = buildPlan(await readResponseFolder(clean), { bodies: [], from: null, to: null, today: '2024-01-22' })
    const applying = applyPlan(handle.db, systemContext('test'), plan, {
      beforeCommit: async (_trx, result) => {
        expect(result.created.meeting).toBeGreaterThan(0)
        throw new Error('This import has been applied already')
      },
    })
    await expect(applying).rejects.toThrow('This import has been applied already')
    expect(await counts()).toEqual(before)
  })

  it('writes nothing while a restricted item has no Schedule 12A paragraph, which would make it public', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'moderngov-restricted-'))
    try {
      await cp(clean, folder, { recursive: true })
      const file = join(folder, 'meeting-2001.xml')
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('Exempt under paragraph 3 of Part 1 of Schedule 12A.', 'Confidential.'),
      )
      const { code, out } = await run('moderngov', folder, '--apply')
      expect(out).toContain(
        'Nothing was written:\n  meeting-2001.xml, agenda item 9103: restricted, and no paragraph of Schedule 12A is given',
      )
      expect(code).toBe(1)
      expect(await counts()).toEqual({ bodies: 0, people: 0, meetings: 0, items: 0, sources: 0, audit: 0 })
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('writes bodies, people, meetings and items with their provenance and an audit event each', async () => {
    const { code, out } = await run('moderngov', clean, '--apply')
    expect(out).toContain('  body: 4 created, 0 updated, 0 unchanged')
    expect(out).toContain('  agenda item: 6 created, 0 updated, 0 unchanged')
    expect(code).toBe(0)
    // Two documents, and one more event: the minutes of meeting 2001, which the council has published.
    expect(await counts()).toEqual({ bodies: 4, people: 4, meetings: 4, items: 6, sources: 29, audit: 30 })

    const meeting = await handle.db
      .selectFrom('meetings')
      .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
      .select([
        'meetings.slug',
        'meetings.startTime',
        'meetings.endTime',
        'meetings.status',
        'meetings.webcastUrl',
        'bodies.kind',
      ])
      .where('meetings.date', '=', '2024-03-14')
      .executeTakeFirstOrThrow()
    expect(meeting).toEqual({
      slug: '2024-03-14-children-and-young-people-scrutiny-committee',
      startTime: '18:00',
      endTime: '20:15',
      status: 'held',
      webcastUrl: 'https://webcast.example.org/children/2024-03-14',
      kind: 'committee',
    })
    const items = await handle.db
      .selectFrom('agendaItems')
      .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
      .select(['agendaItems.number', 'agendaItems.minuteNumber', 'agendaItems.exemptParagraph', 'agendaItems.minute'])
      .where('meetings.date', '=', '2024-03-14')
      .orderBy('agendaItems.position')
      .execute()
    expect(items).toEqual([
      {
        number: '1.',
        minuteNumber: 'CYP 1/24',
        exemptParagraph: null,
        minute: 'There were no declarations of interest.',
      },
      {
        number: '4a',
        minuteNumber: 'CYP 2/24',
        exemptParagraph: null,
        minute: 'The Committee considered the report.\n\nRESOLVED: that the report be noted.',
      },
      {
        number: '9.',
        minuteNumber: 'CYP 3/24',
        exemptParagraph: 3,
        minute: 'The Committee noted the contract position.',
      },
    ])
    const person = await handle.db
      .selectFrom('people')
      .select(['name', 'honorific', 'party', 'ward'])
      .where('slug', '=', 'ada-brightwater')
      .executeTakeFirstOrThrow()
    expect(person).toEqual({
      name: 'Ada Brightwater',
      honorific: 'Councillor',
      party: 'Example Independents',
      ward: 'Northgate',
    })
    const members = await handle.db
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.personId')
      .select(['people.name', 'memberships.role'])
      .orderBy('people.name')
      .execute()
    expect(members).toEqual([
      { name: 'Ada Brightwater', role: 'chair' },
      { name: 'Ben Oakfield', role: 'vice-chair' },
      { name: 'Dev Harrow', role: 'co-opted member' },
    ])
    const attendance = await handle.db
      .selectFrom('attendance')
      .innerJoin('meetings', 'meetings.id', 'attendance.meetingId')
      .leftJoin('people', 'people.id', 'attendance.personId')
      .select(['people.name', 'attendance.rawName', 'attendance.capacity', 'attendance.status', 'attendance.chaired'])
      .where('meetings.date', '=', '2024-03-14')
      .orderBy('attendance.position')
      .execute()
    expect(attendance).toEqual([
      {
        name: 'Ada Brightwater',
        rawName: 'Councillor Ada Brightwater',
        capacity: 'member',
        status: 'present',
        chaired: true,
      },
      {
        name: 'Ben Oakfield',
        rawName: 'Councillor Ben Oakfield',
        capacity: 'member',
        status: 'apologies',
        chaired: false,
      },
      {
        name: 'Cara Millstone',
        rawName: 'Councillor Cara Millstone',
        capacity: 'substitute',
        status: 'present',
        chaired: false,
      },
      { name: 'Dev Harrow', rawName: 'Dev Harrow', capacity: 'co-opted member', status: 'present', chaired: false },
      {
        name: null,
        rawName: "Director of Children's Services",
        capacity: 'officer',
        status: 'in attendance',
        chaired: false,
      },
    ])
    const events = await handle.db.selectFrom('auditEvents').select(['action', 'correlationId']).execute()
    expect(new Set(events.map((event) => event.action))).toEqual(
      new Set([
        'imported body',
        'imported person',
        'imported membership',
        'imported meeting',
        'imported agenda item',
        'imported attendance',
        'imported minutes',
        'imported document',
      ]),
    )
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(1)
  })

  it('changes nothing when the same import runs again', async () => {
    const before = await counts()
    const { code, out } = await run('moderngov', clean, '--apply')
    expect(out).toContain('  body: 0 created, 0 updated, 4 unchanged')
    expect(out).toContain('  agenda item: 0 created, 0 updated, 6 unchanged')
    expect(code).toBe(0)
    expect(await counts()).toEqual(before)
  })
})
