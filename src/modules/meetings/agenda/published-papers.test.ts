import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type MeetingRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { errorSummary, text } from '../../../../test/support/html.ts'
import { readPdf } from '../../../../test/support/papers.ts'
import { pdfWithText } from '../../../../test/support/sample-files.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { createClock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { createMeetingsRepository } from '../repository.ts'
import type { MeetingsDeps } from '../service.ts'
import { type PackDeps, createPublishedPapers } from './published-papers.ts'

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Words in exempt papers only: they must never be in a public PDF. */
const SECRETS = /Numbatsecret|Quollsecret|Wombatsecret/

describe.each(testDatabases())('published agenda packs on $name', (database) => {
  let t: TestApp
  let scrutiny: Agent
  let meeting: MeetingRecord
  let reportUrl: string
  let firstPack: Buffer

  const pdfOf = async (agent: Agent, url: string) => {
    const response = await agent.get(url)
    expect(response.statusCode, url).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    return response.rawPayload
  }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    const body = await build.aBody({ name: 'Children’s Scrutiny Committee' })
    await build.aMembership(body, await build.aPerson({ name: 'Jane Smith', honorific: 'Councillor' }), {
      role: 'chair',
    })
    meeting = await build.aMeeting(body, { date: '2024-03-27', venue: 'Committee Room A', agenda: 'draft' })
    await build.anAgendaItem(meeting, { number: 1, title: 'Apologies' })
    const fostering = await build.anAgendaItem(meeting, { number: 2, title: 'Fostering update' })
    const report = await build.aReport(fostering, { title: 'Fostering report', purpose: 'To update the committee.' })
    reportUrl = report.url
    await build.anAppendix(report, {
      label: 'Appendix 2(a)',
      title: 'Placements',
      file: { filename: 'placements.pdf', data: pdfWithText(['Placed appendix words']) },
    })
    await build.anAppendix(report, {
      label: 'Appendix 2(b)',
      title: 'Named carers',
      body: 'Quollsecret carer names',
      file: { filename: 'carers.pdf', data: pdfWithText(['Wombatsecret figures']) },
      exempt: { paragraph: 1 },
    })
    const child = await build.anAgendaItem(meeting, {
      number: 3,
      title: 'A placement',
      purpose: 'Numbatsecret purpose',
      exempt: { paragraph: 3 },
    })
    await build.aReport(child, { title: 'Numbatsecret report', exempt: { paragraph: 3 } })
  })
  afterAll(() => t?.close())

  it('answers the public as missing while the agenda is a draft, and gives staff a draft made now', async () => {
    expect((await t.visitor().get(`${meeting.url}/agenda.pdf`)).statusCode).toBe(404)
    expect((await (await t.as('member')).get(`${meeting.url}/agenda.pdf`)).statusCode).toBe(404)
    const response = await scrutiny.get(`${meeting.url}/agenda.pdf`)
    expect(response.headers['cache-control']).toBe('no-store')
    const draft = await readPdf(response.rawPayload)
    expect(draft.title).toBe('Draft: Children’s Scrutiny Committee agenda, 27 March 2024')
    expect(draft.pages[0]).toContain('Draft: not yet published')
    // The pack is the public document, even for those who may read exempt papers.
    expect(draft.text).not.toMatch(SECRETS)
    expect((await t.db.selectFrom('publishedPapers').select('id').execute()).length).toBe(0)
  })

  it('keeps the pack as published, with its SHA-256 named in the audit trail', async () => {
    expect((await scrutiny.post(`${meeting.url}/agenda/publish`, { lateReason: 'Papers were late' })).statusCode).toBe(
      303,
    )
    firstPack = await pdfOf(t.visitor(), `${meeting.url}/agenda.pdf`)
    const read = await readPdf(firstPack)
    expect(read.title).toBe('Children’s Scrutiny Committee agenda, 27 March 2024')
    expect(read.tagged).toBe(true)
    expect(read.pages[0]).toContain('Councillor Jane Smith (Chair)')
    expect(read.pages[0]).toContain('Committee Room A')
    expect(read.text).toContain('Placed appendix words')
    expect(read.text).not.toMatch(SECRETS)
    expect(read.outline.map((entry) => entry.title)).toEqual([
      'Front sheet',
      'Agenda',
      '2. Fostering update',
      '3. A placement',
    ])
    expect(read.outline[2].items).toEqual(['Appendix 2(a): Placements', 'Appendix 2(b): Named carers'])
    const event = await t.db
      .selectFrom('auditEvents')
      .select('after')
      .where('action', '=', 'stored published paper')
      .executeTakeFirstOrThrow()
    expect(event.after).toMatchObject({ kind: 'agenda', version: 1, sha256: sha256(firstPack) })
  })

  it('fills each item’s pages from the pack, as the agenda in it gives them', async () => {
    const read = await readPdf(firstPack)
    const start = Number(/Fostering update\s*Page (\d+)/.exec(read.pages[1])?.[1])
    expect(read.pages[start - 1]).toContain('2. Fostering update')
    const page = text((await t.visitor().get(meeting.url)).body)
    expect(page).toMatch(new RegExp(`Pages ${start} to \\d+`))
  })

  it('gives the public the same bytes after the record changes, and staff a fresh draft when asked', async () => {
    await scrutiny.post(`${reportUrl}/edit`, {
      ...(await scrutiny.openForm(`${reportUrl}/edit`)),
      title: 'Fostering report, corrected',
    })
    const again = await pdfOf(t.visitor(), `${meeting.url}/agenda.pdf`)
    expect(sha256(again)).toBe(sha256(firstPack))
    expect(sha256(await pdfOf(scrutiny, `${meeting.url}/agenda.pdf`))).toBe(sha256(firstPack))
    expect(sha256(await pdfOf(t.visitor(), `${meeting.url}/agenda.pdf?draft=yes`))).toBe(sha256(firstPack))
    const draft = await readPdf(await pdfOf(scrutiny, `${meeting.url}/agenda.pdf?draft=yes`))
    expect(draft.title).toMatch(/^Draft: /)
    expect(draft.text).toContain('Fostering report, corrected')
  })

  it('asks for the reason for a correction', async () => {
    const response = await scrutiny.post(`${meeting.url}/agenda/republish`, { reason: '' })
    expect(response.statusCode).toBe(400)
    expect(errorSummary(response.body)).toEqual(['Enter the reason for the correction'])
  })

  it('publishes a correction as a new version, and keeps both listed', async () => {
    const response = await scrutiny.post(`${meeting.url}/agenda/republish`, { reason: 'The report’s title was wrong' })
    expect(response.statusCode).toBe(303)
    const current = await pdfOf(t.visitor(), `${meeting.url}/agenda.pdf`)
    expect(sha256(current)).not.toBe(sha256(firstPack))
    expect((await readPdf(current)).text).toContain('Fostering report, corrected')
    expect((await readPdf(current)).text).not.toMatch(SECRETS)
    expect(sha256(await pdfOf(t.visitor(), `${meeting.url}/papers/1.pdf`))).toBe(sha256(firstPack))
    expect(sha256(await pdfOf(t.visitor(), `${meeting.url}/papers/2.pdf`))).toBe(sha256(current))
    expect((await t.visitor().get(`${meeting.url}/papers/3.pdf`)).statusCode).toBe(404)
    const page = text((await t.visitor().get(meeting.url)).body)
    expect(page).toContain('Children’s Scrutiny Committee agenda, 27 March 2024, version 2 (PDF)')
    expect(page).toContain('The report’s title was wrong')
    expect(page).toContain('Children’s Scrutiny Committee agenda, 27 March 2024, version 1 (PDF)')
  })

  it('keeps a supplementary agenda’s pack of its items as a version of its own', async () => {
    const late = await builders(t).anAgendaItem(meeting, { number: 4, title: 'Late item' })
    await builders(t).aReport(late, { title: 'Late report' })
    const itemId = (
      await t.db.selectFrom('agendaItems').select('id').where('title', '=', 'Late item').executeTakeFirstOrThrow()
    ).id
    const response = await scrutiny.post(`${meeting.url}/agenda/supplements/new`, {
      title: '',
      note: '',
      itemIds: itemId,
    })
    expect(response.statusCode).toBe(303)
    const read = await readPdf(await pdfOf(t.visitor(), `${meeting.url}/papers/3.pdf`))
    expect(read.title).toBe('Children’s Scrutiny Committee supplementary agenda 1, 27 March 2024')
    expect(read.text).toContain('Late report')
    expect(read.text).not.toContain('Fostering report')
  })

  it('keeps the minutes, as the minutes module publishes them, as a version of their own', async () => {
    const core = { db: t.db, repository: createMeetingsRepository(t.db), clock: createClock('2024-03-28') }
    // Freezing the minutes reads no setting and no body: only what it is given.
    const papers = createPublishedPapers(core as Partial<MeetingsDeps> as PackDeps)
    const paper = {
      title: 'Minutes of the meeting, 27 March 2024',
      author: 'Blackpool Council',
      sections: [{ blocks: [{ kind: 'paragraph' as const, text: 'Present: Councillor Jane Smith' }] }],
    }
    const stored = await withTransaction(t.db, (trx) =>
      papers.service.freezeMinutes(trx, systemContext(), meeting.id, paper),
    )
    expect(stored).toMatchObject({ kind: 'minutes', version: 4, publishedOn: '2024-03-28' })
    const read = await readPdf(await pdfOf(t.visitor(), `${meeting.url}/papers/4.pdf`))
    expect(read.title).toBe('Minutes of the meeting, 27 March 2024')
    expect(read.text).toContain('Present: Councillor Jane Smith')
    expect(text((await t.visitor().get(meeting.url)).body)).toContain(
      'Minutes of the meeting, 27 March 2024, version 4',
    )
  })

  it('places the documents an import linked to an item in the pack', async () => {
    const build = builders(t)
    const body = await build.aBody({ name: 'Imported papers panel' })
    const imported = await build.aMeeting(body, { date: '2023-06-22', agenda: 'draft' })
    await build.anAgendaItem(imported, { number: 1, title: 'Minutes of the last meeting' })
    const item = await t.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', imported.id)
      .executeTakeFirstOrThrow()
    const data = pdfWithText(['Imported minutes words'])
    const file = await t.db
      .insertInto('documents')
      .values({
        filename: 'minutes.pdf',
        mediaType: 'application/pdf',
        sizeBytes: data.byteLength,
        sha256: sha256(data),
        content: data,
        uploadedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('itemDocuments')
      .values({
        agendaItemId: item.id,
        position: 1,
        title: 'Minutes of 9 March 2023',
        publishedOn: '2023-06-14',
        documentId: file.id,
        sourceAddress: 'https://example.org/minutes.pdf',
        text: '',
        exemptParagraph: null,
        exemptReason: null,
        exemptReviewOn: null,
      })
      .execute()
    const read = await readPdf(await pdfOf(scrutiny, `${imported.url}/agenda.pdf`))
    expect(read.outline.map((entry) => entry.title)).toContain('1. Minutes of the last meeting')
    expect(read.text).toContain('Imported minutes words')
  })
})
