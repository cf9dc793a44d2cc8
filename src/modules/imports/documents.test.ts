import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { importCommand } from './command.ts'

const MEETING = '/meetings/2024-03-14-children-and-young-people-scrutiny-committee'
const PUBLIC_TITLE = 'Quarter 3 performance report'
const EXEMPT_TITLE = 'Placement contract - exempt appendix'

/** A copy of the fixture folder without the malformed file, which would stop an apply. */
async function fixtureFolder() {
  const folder = await mkdtemp(join(tmpdir(), 'moderngov-documents-'))
  await cp('test/fixtures/moderngov', folder, {
    recursive: true,
    filter: (source) => !source.endsWith('malformed.xml'),
  })
  return folder
}

async function runImport(t: TestApp, folder: string) {
  const out: string[] = []
  const io = {
    today: '2024-06-01',
    out: (line: string) => out.push(line),
    err: (line: string) => out.push(line),
    openDatabase: () => Promise.resolve({ db: t.db, close: () => Promise.resolve() }),
  }
  return { code: await importCommand(['moderngov', folder, '--apply'], io), out: out.join('\n') }
}

/** What a reader sees of a page: its status and its words, without the markup (or a request's own tokens). */
const seen = (response: { statusCode: number; body: string }) => ({
  status: response.statusCode,
  text: response.body
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
})

const documentRows = (t: TestApp) =>
  t.db
    .selectFrom('itemDocuments')
    .leftJoin('documents', 'documents.id', 'itemDocuments.documentId')
    .select([
      'itemDocuments.title',
      'itemDocuments.documentId',
      'itemDocuments.exemptParagraph',
      'itemDocuments.text',
      'documents.filename',
      'documents.mediaType',
    ])
    .orderBy('itemDocuments.title', 'desc')
    .execute()

describe.each(testDatabases())('imported documents on $name', (database) => {
  let t: TestApp
  let folder: string
  let imported: { code: number; out: string }

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, today: '2024-06-01' })
    folder = await fixtureFolder()
    imported = await runImport(t, folder)
  })
  afterAll(async () => {
    await t?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  const fileOf = async (title: string) => (await documentRows(t)).find((row) => row.title === title)?.documentId

  it('stores each document’s file and words with its item, the restricted one exempt under its item’s paragraph', async () => {
    expect(imported.code).toBe(0)
    expect(imported.out).toContain('  document: 2 created, 0 updated, 0 unchanged')
    const rows = await documentRows(t)
    expect(rows).toMatchObject([
      { title: PUBLIC_TITLE, exemptParagraph: null, filename: 'Q3 performance.pdf', mediaType: 'application/pdf' },
      { title: EXEMPT_TITLE, exemptParagraph: 3, filename: 'Appendix A.pdf', mediaType: 'application/pdf' },
    ])
    expect(rows[0]?.text).toContain('More kinship carers were approved')
    expect(rows[1]?.text).toContain('Larkspur Residential Care')
  })

  it('lists the public document under its item on the meeting page, and the exempt one only to an officer', async () => {
    const page = await t.visitor().get(MEETING)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`href="/documents/${await fileOf(PUBLIC_TITLE)}">${PUBLIC_TITLE}</a>`)
    expect(page.body).toContain('(PDF, 816 bytes, published on 6 March 2024)')
    expect(page.body).not.toContain('Placement contract')
    const officer = await (await t.as('scrutiny_officer')).get(MEETING)
    expect(officer.body).toContain(`href="/documents/${await fileOf(EXEMPT_TITLE)}">Placement contract`)
  })

  it('gives the public document in the open data, and not the exempt one', async () => {
    const response = await t.visitor().get(`/api/v1/meetings/${MEETING.split('/').pop()}`)
    expect(response.statusCode).toBe(200)
    const { items } = response.json<{ items: { number: string; documents: unknown[] }[] }>()
    expect(items.find((item) => item.number === '4a')?.documents).toEqual([
      {
        id: expect.any(String),
        title: PUBLIC_TITLE,
        publishedOn: '2024-03-06',
        url: `/documents/${await fileOf(PUBLIC_TITLE)}`,
        mediaType: 'application/pdf',
        sizeBytes: expect.any(Number),
      },
    ])
    expect(items.find((item) => item.number === '9.')?.documents).toEqual([])
    expect(response.body).not.toContain('Placement contract')
  })

  it('answers the exempt file to the public as missing (404), and gives it to a scrutiny officer', async () => {
    const exempt = `/documents/${await fileOf(EXEMPT_TITLE)}`
    const open = await t.visitor().get(`/documents/${await fileOf(PUBLIC_TITLE)}`)
    expect(open.statusCode).toBe(200)
    expect(open.headers['content-type']).toBe('application/pdf')
    expect(open.body.startsWith('%PDF')).toBe(true)
    const missing = seen(await t.visitor().get('/documents/00000000-0000-4000-8000-000000000000'))
    expect(missing.status).toBe(404)
    expect(seen(await t.visitor().get(exempt))).toEqual(missing)
    const officer = await (await t.as('scrutiny_officer')).get(exempt)
    expect(officer.statusCode).toBe(200)
    expect(officer.headers['cache-control']).toBe('private, no-store')
  })

  it('finds a word inside the public PDF for the public, linked to the file, and never the exempt one’s', async () => {
    const found = await t.visitor().get('/search?q=kinship')
    expect(found.statusCode).toBe(200)
    expect(found.body).toContain(`href="/documents/${await fileOf(PUBLIC_TITLE)}"`)
    expect(found.body).toContain('<mark>kinship</mark>')
    // Search answers everyone as it answers the public.
    for (const agent of [t.visitor(), await t.as('scrutiny_officer')]) {
      const secret = await agent.get('/search?q=Larkspur')
      expect(secret.statusCode).toBe(200)
      expect(secret.body).toContain('0 results')
      expect(secret.body).not.toContain('/documents/')
      expect(secret.body).not.toContain(EXEMPT_TITLE)
    }
  })

  it('takes an item’s documents and their files with it when an officer removes the item', async () => {
    const file = await fileOf(EXEMPT_TITLE)
    const officer = await t.as('scrutiny_officer')
    expect((await officer.post(`${MEETING}/items/3/delete`)).statusCode).toBe(303)
    expect((await documentRows(t)).map((row) => row.title)).toEqual([PUBLIC_TITLE])
    expect(await t.db.selectFrom('documents').select('id').where('id', '=', file!).executeTakeFirst()).toBeUndefined()
  })
})

describe.each(testDatabases())('a document missing from one import, on $name', (database) => {
  let t: TestApp
  let folder: string

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, today: '2024-06-01' })
    folder = await fixtureFolder()
  })
  afterAll(async () => {
    await t?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('is listed with its address, shown as not yet imported to officers only, and filled in by a later run', async () => {
    await rm(join(folder, 'documents', 'Q3 performance.pdf'))
    const first = await runImport(t, folder)
    expect(first.code).toBe(0)
    expect(first.out).toContain(
      'linked document 7001: could not be had from https://democracy.example.org/documents/s7001/Q3%20performance.pdf: "Q3 performance.pdf" is not in the folder, nor in its documents folder',
    )
    expect((await documentRows(t)).find((row) => row.title === PUBLIC_TITLE)).toMatchObject({ documentId: null })
    expect((await t.visitor().get(MEETING)).body).not.toContain(PUBLIC_TITLE)
    expect((await (await t.as('scrutiny_officer')).get(MEETING)).body).toMatch(
      new RegExp(`${PUBLIC_TITLE} <strong class="govuk-tag govuk-tag--grey">Not yet imported</strong>`),
    )

    await cp('test/fixtures/moderngov/documents/Q3 performance.pdf', join(folder, 'documents', 'Q3 performance.pdf'))
    const second = await runImport(t, folder)
    expect(second.code).toBe(0)
    expect(second.out).toContain('  document: 0 created, 1 updated, 1 unchanged')
    const filled = (await documentRows(t)).find((row) => row.title === PUBLIC_TITLE)
    expect(filled).toMatchObject({ filename: 'Q3 performance.pdf' })
    expect(filled?.text).toContain('kinship carers')
    expect((await t.visitor().get(MEETING)).body).toContain(`href="/documents/${filled?.documentId}">${PUBLIC_TITLE}`)
  })
})
