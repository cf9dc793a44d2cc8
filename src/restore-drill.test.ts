import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../test/support/databases.ts'
import { sampleReturns } from '../test/support/route-samples.ts'
import { type TestApp, startTestApp } from '../test/support/harness.ts'
import { type RecordSnapshot, snapshotRecord, withoutRestoreOf } from '../test/support/record-snapshot.ts'
import { buildApp } from '#src/app.ts'
import type { Database } from '#src/database.ts'
import { importCommand } from '#src/modules/imports/index.ts'
import { multipartForm, samplePdf } from '../test/support/sample-files.ts'
import { BackupRefusedError } from '#src/platform/backup/archive.ts'
import { recordBackup, recordRestore } from '#src/platform/backup/records.ts'
import { restoreBackup } from '#src/platform/backup/restore-backup.ts'
import { verifyBackup } from '#src/platform/backup/verify-backup.ts'
import { type WrittenBackup, writeBackup } from '#src/platform/backup/write-backup.ts'
import { createClock } from '#src/platform/clock.ts'
import { type DatabaseHandle, openPglite } from '#src/platform/db/database.ts'
import { migrationNames } from '#src/platform/db/migrate.ts'

/**
 * The restore drill: the demo and a record of every kind on the embedded database, backed up,
 * restored into a fresh data folder and into PostgreSQL, and PostgreSQL's copy backed up and
 * restored into the embedded database again; every table and file compared with the original.
 * A damaged backup is refused before anything is written.
 */

const [pglite, postgres] = testDatabases()
const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const APPENDIX = samplePdf()

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Through the app, as its users would: whatever the demo leaves empty. */
async function addRecordsOfEveryKind(t: TestApp) {
  // An extract of a statutory return and a computation from it (return_extracts, return_computations).
  await sampleReturns(t)
  const scrutiny = await t.as('scrutiny_officer')
  const officer = await t.as('officer')
  const analyst = await t.as('analyst')
  const failed = await t.visitor().post('/sign-in', { email: 'admin@example.org', password: 'not the password at all' })
  const steps = [
    failed,
    await scrutiny.post(`${JANUARY}/minutes/start`),
    await scrutiny.post(`${JANUARY}/minutes/attendance/members`),
    await analyst.post('/outcomes/populations', { year: '2023', children: '28,400', source: 'ONS mid-year estimate' }),
    // A resident asks for email alerts: the email to confirm is kept in the outbox.
    await t.visitor().post(`/bodies/${BODY}/alerts`, { email: 'resident@example.org' }),
  ]
  const upload = multipartForm(
    { _csrf: await officer.token(), label: 'Appendix 8(z)', title: 'Drill appendix', body: '', exempt: 'no' },
    { filename: 'drill.pdf', data: APPENDIX },
  )
  steps.push(await officer.inject({ method: 'POST', url: `${JANUARY}/items/8/report/appendices`, ...upload }))
  const db = t.db
  const person = await db
    .selectFrom('attendance')
    .select('personId as id')
    .where('personId', 'is not', null)
    .orderBy('position')
    .executeTakeFirstOrThrow()
  const item = await db
    .selectFrom('agendaItems')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select('agendaItems.id')
    .where('meetings.slug', '=', JANUARY.slice(10))
    .where('number', '=', '4')
    .executeTakeFirstOrThrow()
  const approvingItem = await db
    .selectFrom('agendaItems')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select('agendaItems.id')
    .where('meetings.slug', '=', JANUARY.slice(10))
    .where('agendaItems.position', '=', 2)
    .executeTakeFirstOrThrow()
  const voter = await db
    .selectFrom('attendance')
    .innerJoin('meetings', 'meetings.id', 'attendance.meetingId')
    .select('attendance.personId')
    .where('meetings.slug', '=', JANUARY.slice(10))
    .where('attendance.capacity', '=', 'member')
    .where('attendance.personId', 'is not', null)
    .executeTakeFirstOrThrow()
  const workItem = await db.selectFrom('workProgrammeItems').select('id').orderBy('title').executeTakeFirstOrThrow()
  const action = await db.selectFrom('planActions').select('id').orderBy('reference').executeTakeFirstOrThrow()
  const committee = await db.selectFrom('bodies').select('id').where('slug', '=', BODY).executeTakeFirstOrThrow()
  steps.push(
    await scrutiny.post(`${JANUARY}/minutes/declarations`, {
      personId: person.id!,
      itemIds: item.id,
      category: 'non-registrable interest',
      nature: 'A relative works at the school.',
      leftRoom: 'yes',
    }),
    await scrutiny.post(`/meetings/2023-11-09-${BODY}/minutes/approve`, {
      agendaItemId: approvingItem.id,
      amendment: 'Item 5: the number of placements should read 12.',
    }),
    // A change of the announced venue is kept (meeting_venue_changes).
    await scrutiny.post(`${JANUARY}/edit`, {
      ...(await scrutiny.openForm(`${JANUARY}/edit`)),
      venue: 'Council Chamber, Town Hall, Blackpool',
      venueChangeReason: 'For the drill.',
    }),
    // An item added to the published agenda, then published in a supplementary agenda (agenda_supplements),
    // whose pack is kept as published (published_papers).
    await scrutiny.post(`${JANUARY}/items`, {
      number: '',
      title: 'Drill late item',
      purpose: '',
      pageFrom: '',
      pageTo: '',
      exempt: 'no',
    }),
    await scrutiny.post(`${JANUARY}/agenda/supplements/new`, {
      title: '',
      note: 'For the drill.',
      itemIds: (
        await db.selectFrom('agendaItems').select('id').where('title', '=', 'Drill late item').executeTakeFirstOrThrow()
      ).id,
    }),
    // A question from the public, with its answer (public_questions).
    await scrutiny.post(`${JANUARY}/questions/new`, {
      askerName: 'Drill asker',
      askerNamed: 'yes',
      toWhom: '',
      'receivedOn-day': '5',
      'receivedOn-month': '1',
      'receivedOn-year': '2024',
      agendaItemId: '',
      question: 'For the drill?',
      answer: 'Yes.',
      answeredAt: 'written',
      supplementary: '',
      supplementaryAnswer: '',
    }),
    // A motion moved by someone in the attendance, and an amendment to it (motions, motion_amendments).
    await scrutiny.post(`${JANUARY}/motions/new`, {
      agendaItemId: '',
      moverId: person.id!,
      seconderId: '',
      text: 'That the drill be noted.',
      substantiveText: '',
      outcome: '',
    }),
    await scrutiny.post(`${JANUARY}/motions/1/amendments/new`, {
      moverId: person.id!,
      seconderId: '',
      text: 'Add "with thanks".',
      outcome: 'lost',
    }),
    // A recorded vote on an item's recommendation (votes, vote_records).
    await scrutiny.post(`${JANUARY}/votes/new?item=4`, {
      description: 'Recommendation 1',
      votesFor: '1',
      votesAgainst: '0',
      abstentions: '0',
      recorded: 'yes',
      [`vote-${voter.personId}`]: 'for',
    }),
    // A deputation that spoke on the public speaking item (public_speakers).
    await scrutiny.post(`${JANUARY}/speakers/new`, {
      kind: 'deputation',
      speakerName: 'Drill speaker',
      speakerNamed: 'yes',
      onBehalfOf: 'Drill residents group',
      agendaItemId: (
        await db
          .selectFrom('agendaItems')
          .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
          .select('agendaItems.id')
          .where('meetings.slug', '=', JANUARY.slice(10))
          .where('agendaItems.publicParticipation', '=', true)
          .executeTakeFirstOrThrow()
      ).id,
      stance: 'for',
      minutesSpoken: '3',
      summary: 'For the drill.',
    }),
    await scrutiny.post('/outcomes/OF3.1/work-programme/link', { workProgrammeItemId: workItem.id }),
    await scrutiny.post('/outcomes/OF3.1/actions/link', { actionId: action.id }),
    await scrutiny.post('/decisions/ex48-2023/call-ins', {
      requestedBy: 'Two members of the committee',
      'requestedOn-day': '13',
      'requestedOn-month': '12',
      'requestedOn-year': '2023',
      grounds: 'For the drill.',
      'recommendation-1': 'That the decision be released.',
      'outcome-1': 'released',
    }),
    await scrutiny.post('/bodies', {
      name: 'Drill task and finish group',
      kind: 'task and finish group',
      parentId: committee.id,
      establishedOn: '2023-10-01',
      defaultMeetingMinutes: '90',
    }),
    await scrutiny.post('/petitions', {
      title: 'Drill petition',
      leadPetitioner: 'A drill petitioner',
      paperSignatures: '12',
      ePetitionSignatures: '34',
      bodyId: committee.id,
      'presentedOn-day': '25',
      'presentedOn-month': '1',
      'presentedOn-year': '2024',
      threshold: 'For the drill.',
    }),
  )
  expect(steps.map((response) => response.statusCode)).toEqual([
    400, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303,
  ])
  // The drill's app has no GOV.UK Notify, so nothing queues a job: one as delivery would leave it, behind
  // the confirming email the resident was sent.
  const message = await db.selectFrom('outboxMessages').select('id').executeTakeFirstOrThrow()
  await db
    .insertInto('jobs')
    .values({
      kind: 'deliver email',
      subjectId: message.id,
      status: 'failed',
      attempts: 6,
      lastError: 'For the drill.',
    })
    .execute()
}

/** The fixture responses, the malformed one aside, imported: the import's provenance has rows of its own to carry. */
async function importFromModernGov(t: TestApp, folder: string) {
  const responses = join(folder, 'moderngov')
  cpSync('test/fixtures/moderngov', responses, {
    recursive: true,
    filter: (source) => !source.endsWith('malformed.xml'),
  })
  const io = {
    today: '2024-02-01',
    out: () => undefined,
    err: () => undefined,
    openDatabase: () => Promise.resolve({ db: t.db, close: () => Promise.resolve() }),
  }
  expect(await importCommand(['moderngov', responses, '--apply'], io)).toBe(0)
}

/** What a restore must give back: the original, plus only the restore's own record and audit event. */
function expectRestored(restored: RecordSnapshot, original: RecordSnapshot, backup: WrittenBackup) {
  type Row = Record<string, unknown>
  const rows = (table: string[]) => table.map((row) => JSON.parse(row) as Row)
  const traces = (snapshot: RecordSnapshot) => ({
    record: rows(snapshot.tables.backups).filter((row) => row.id === backup.manifest.backupId),
    events: rows(snapshot.tables.audit_events).filter((row) => row.action === 'restored from backup'),
  })
  expect(withoutRestoreOf(restored, backup.manifest.backupId).tables).toEqual(original.tables)
  const { record, events } = traces(restored)
  expect(record).toEqual([
    expect.objectContaining({ file_name: backup.manifest.source.fileName, size_bytes: backup.bytes }),
  ])
  // The identity counter goes on from where the source's stood: no id is handed out twice.
  expect(events.filter((event) => event.subject_id === backup.manifest.backupId).map((event) => event.id)).toEqual([
    original.counters.audit_events_id_seq + 1,
  ])
  expect(restored.counters.sign_in_failures_id_seq).toBe(original.counters.sign_in_failures_id_seq)
}

async function restoreInto(handle: DatabaseHandle<Database>, file: string) {
  const verified = await verifyBackup(file, await migrationNames())
  const restored = await restoreBackup(handle.db, verified)
  await recordRestore(handle.db, verified)
  return restored
}

/** Nothing at all in the target: no table, no migration record. */
async function tablesIn(handle: DatabaseHandle<Database>) {
  const { rows } = await sql<{
    n: number
  }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(handle.db)
  return rows[0].n
}

describe('restore drill', () => {
  let t: TestApp
  let folder: string
  let original: RecordSnapshot
  let backup: WrittenBackup
  const file = () => join(folder, 'oversight-backup.tar')

  beforeAll(async () => {
    // After the January meeting, so that it can approve the November minutes with an amendment.
    t = await startTestApp(pglite, { today: '2024-02-01' })
    folder = mkdtempSync(join(tmpdir(), 'oversight-drill-'))
    // Last week's backup, so the backups table has a row of its own to carry.
    await recordBackup(
      t.db,
      await writeBackup(t.db, { file: join(folder, 'earlier.tar'), database: 'pglite', appVersion: '0.1.0' }),
    )
    await addRecordsOfEveryKind(t)
    await importFromModernGov(t, folder)
    original = await snapshotRecord(t.db)
    backup = await writeBackup(t.db, { file: file(), database: 'pglite', appVersion: '0.1.0' })
    await recordBackup(t.db, backup)
  }, 240_000)
  afterAll(async () => {
    await t?.close()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it('starts from a record with rows in every table, the uploaded appendix among them', () => {
    const empty = Object.entries(original.tables)
      .filter(([, rows]) => rows.length === 0)
      .map(([table]) => table)
    expect(empty).toEqual([])
    const files = backup.manifest.tables.find((table) => table.name === 'documents')!.files
    expect(files.map((part) => part.sha256)).toContain(sha256(APPENDIX))
  })

  it('writes a manifest with the versions, the time, each table’s count and each part’s checksum', async () => {
    const { manifest } = backup
    expect(manifest).toMatchObject({
      appVersion: '0.1.0',
      source: { database: 'pglite', fileName: 'oversight-backup.tar' },
    })
    expect(manifest.schemaVersion).toBe((await migrationNames()).at(-1))
    expect(Date.now() - new Date(manifest.createdAt).getTime()).toBeLessThan(10 * 60_000)
    expect(Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]))).toEqual(
      Object.fromEntries(Object.entries(original.tables).map(([table, rows]) => [table, rows.length])),
    )
    for (const table of manifest.tables) expect(table.part.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('records the backup for the admins’ page, audited as a command-line change', async () => {
    const records = await t.db
      .selectFrom('backups')
      .select(['fileName', 'sizeBytes'])
      .orderBy('takenAt', 'desc')
      .execute()
    expect(records[0]).toEqual({ fileName: 'oversight-backup.tar', sizeBytes: readFileSync(file()).length })
    const event = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('subjectId', '=', backup.manifest.backupId)
      .executeTakeFirstOrThrow()
    expect(event).toMatchObject({ action: 'took backup', actorLabel: 'system', correlationId: 'command line' })
  })

  it('restores into a fresh data folder: every table and file as it was, and the app serves the file', async () => {
    const handle = await openPglite<Database>(join(folder, 'restored'))
    try {
      const restored = await restoreInto(handle, file())
      expect(restored).toEqual({ applied: [], changedByUpgrade: [] })
      expectRestored(await snapshotRecord(handle.db), original, backup)
      const document = await handle.db
        .selectFrom('documents')
        .select(['id', 'content'])
        .where('filename', '=', 'drill.pdf')
        .executeTakeFirstOrThrow()
      const app = await buildApp({
        db: handle.db,
        dbKind: handle.kind,
        clock: createClock('2024-01-22'),
        cookieSecure: true,
      })
      const download = await app.inject({ method: 'GET', url: `/documents/${document.id}` })
      await app.close()
      expect(download.statusCode).toBe(200)
      expect(download.rawPayload.equals(APPENDIX)).toBe(true)
    } finally {
      await handle.close()
    }
  }, 120_000)

  it.runIf(postgres)(
    'restores into PostgreSQL, and PostgreSQL’s own backup restores into the embedded database',
    async () => {
      const server = await postgres.open()
      const embedded = await openPglite<Database>()
      try {
        await restoreInto(server, file())
        expectRestored(await snapshotRecord(server.db), original, backup)

        const fromServer = await snapshotRecord(server.db)
        const second = await writeBackup(server.db, {
          file: join(folder, 'from-server.tar'),
          database: 'postgres',
          appVersion: '0.1.0',
        })
        await restoreInto(embedded, second.file)
        expectRestored(await snapshotRecord(embedded.db), fromServer, second)
      } finally {
        await embedded.close()
        await server.close()
      }
    },
    180_000,
  )

  describe('a damaged backup is refused before anything is written', () => {
    const damagedCopy = (name: string, damage: (bytes: Buffer) => Buffer) => {
      const path = join(folder, name)
      writeFileSync(path, damage(readFileSync(file())))
      return path
    }
    const flip = (offset: (bytes: Buffer) => number) => (bytes: Buffer) => {
      const at = offset(bytes)
      bytes[at] = bytes[at] ^ 0x01
      return bytes
    }
    const appendixAt = (bytes: Buffer) => bytes.indexOf(APPENDIX.subarray(0, 64)) + 10

    it.each([
      ['in the manifest', flip(() => 700)],
      ['in an uploaded file', flip(appendixAt)],
      ['in a table’s rows', flip((bytes) => bytes.indexOf('Drill appendix') + 2)],
      ['in the padding between parts', flip((bytes) => bytes.indexOf(APPENDIX.subarray(-32)) + 32 + 1)],
      ['in the seal', flip((bytes) => bytes.length - 1536 + 5)],
      ['in the zero blocks that end it', flip((bytes) => bytes.length - 3)],
    ])('one byte changed %s', async (_where, damage) => {
      const path = damagedCopy('damaged.tar', damage)
      await expect(verifyBackup(path, await migrationNames())).rejects.toThrow(BackupRefusedError)
    })

    it.each([
      ['cut off at the end', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1024)],
      ['cut off in the middle', (bytes: Buffer) => bytes.subarray(0, appendixAt(bytes))],
      ['empty', () => Buffer.alloc(0)],
    ])('truncated: %s', async (_how, damage) => {
      const path = damagedCopy('truncated.tar', damage)
      await expect(verifyBackup(path, await migrationNames())).rejects.toThrow(/is damaged or incomplete/)
    })

    it('leaves the target untouched: no table, no schema', async () => {
      const target = await openPglite<Database>()
      try {
        const path = damagedCopy('restore-me.tar', flip(appendixAt))
        await expect(restoreInto(target, path)).rejects.toThrow(
          `The backup ${path} is damaged or incomplete: its contents do not match the seal written when it was made. Nothing was restored; use another copy of the backup.`,
        )
        expect(await tablesIn(target)).toBe(0)
      } finally {
        await target.close()
      }
    })
  })

  it('refuses a target that already holds a record, and leaves it as it was', async () => {
    const before = await snapshotRecord(t.db)
    await expect(restoreInto(t.handle, file())).rejects.toThrow(
      /^The target database is not empty: .* Restore into a new, empty database/,
    )
    expect(await snapshotRecord(t.db)).toEqual(before)
  })
})
