import { readFileSync } from 'node:fs'
import { type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_POLITE_FETCH } from '#src/platform/http/polite-fetch.ts'
import { type DocumentOrigin, fetchDocuments, fileNameOf } from './fetch-documents.ts'
import type { ImportPlan, PlannedDocument } from './plan.ts'

const FIXTURES = 'test/fixtures/moderngov'
const PDF = readFileSync(join(FIXTURES, 'documents', 'Q3 performance.pdf'))
const DOCX = readFileSync(join(FIXTURES, 'documents', 'Youth justice plan.docx'))
const NOT_A_PDF = readFileSync(join(FIXTURES, 'documents', 'Not a PDF.pdf'))

const planned = (id: string, sourceAddress: string): PlannedDocument => ({
  source: { system: 'moderngov', id, file: 'meeting-2001.xml' },
  itemId: '9102',
  title: `Document ${id}`,
  publishedOn: '2024-03-06',
  restricted: false,
  sourceAddress,
  file: null,
  missing: null,
})

const planOf = (documents: PlannedDocument[]): ImportPlan => ({
  bodies: [],
  people: [],
  memberships: [],
  meetings: [],
  items: [],
  attendance: [],
  documents,
  notMapped: [],
  errors: [],
})

describe('fileNameOf', () => {
  it('is the last part of the address’s path, decoded', () => {
    expect(fileNameOf('https://democracy.example.org/documents/s7001/Q3%20performance.pdf')).toBe('Q3 performance.pdf')
    expect(fileNameOf('https://democracy.example.org/ieDoc.aspx?id=1')).toBe('ieDoc.aspx')
  })

  it('is no name when it would leave the folder', () => {
    expect(fileNameOf('https://example.org/a/..%2F..%2Fetc%2Fpasswd')).toBeNull()
    expect(fileNameOf('https://example.org/documents/')).toBeNull()
    expect(fileNameOf('https://example.org/%E0%A4%A')).toBeNull()
  })
})

describe('fetchDocuments from a folder', () => {
  const folder: DocumentOrigin = { kind: 'folder', folder: FIXTURES }

  it('finds a document by its file name in the folder’s documents folder, checks it and reads its words', async () => {
    const progress: [number, number][] = []
    const plan = await fetchDocuments(
      planOf([
        planned('7001', 'https://democracy.example.org/documents/s7001/Q3%20performance.pdf'),
        planned('7009', 'https://democracy.example.org/documents/s7009/Youth%20justice%20plan.docx'),
      ]),
      folder,
      (done, total) => progress.push([done, total]),
    )
    const [pdf, docx] = plan.documents
    expect(pdf?.missing).toBeNull()
    expect(pdf?.file).toMatchObject({
      filename: 'Q3 performance.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
    })
    expect(Buffer.from(pdf?.file?.contentBase64 ?? '', 'base64').equals(PDF)).toBe(true)
    expect(pdf?.file?.text).toContain('More kinship carers were approved')
    expect(docx?.file).toMatchObject({ filename: 'Youth justice plan.docx', sizeBytes: DOCX.length })
    expect(docx?.file?.text).toContain('restorative diversion')
    expect(plan.notMapped).toEqual([])
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ])
  })

  it('lists a document not in the folder, or not what its name says, as missing with its address', async () => {
    const plan = await fetchDocuments(
      planOf([
        planned('7003', 'https://democracy.example.org/documents/s7003/Absent.pdf'),
        planned('7004', 'https://democracy.example.org/documents/s7004/Not%20a%20PDF.pdf'),
      ]),
      folder,
    )
    expect(plan.documents.map((document) => [document.file, document.missing])).toEqual([
      [null, '"Absent.pdf" is not in the folder, nor in its documents folder'],
      [null, 'it is not a PDF or Word document'],
    ])
    expect(plan.notMapped).toEqual([
      {
        file: 'meeting-2001.xml',
        record: 'linked document',
        id: '7003',
        reason:
          'could not be had from https://democracy.example.org/documents/s7003/Absent.pdf: "Absent.pdf" is not in the folder, nor in its documents folder',
      },
      {
        file: 'meeting-2001.xml',
        record: 'linked document',
        id: '7004',
        reason:
          'could not be had from https://democracy.example.org/documents/s7004/Not%20a%20PDF.pdf: it is not a PDF or Word document',
      },
    ])
  })
})

describe('fetchDocuments from the web', () => {
  const requests: string[] = []
  const send = (response: ServerResponse, type: string, body: Buffer) =>
    response.writeHead(200, { 'content-type': type }).end(body)
  const server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url === '/documents/report.pdf') return send(response, 'application/pdf', PDF)
    if (request.url === '/documents/plan.docx')
      return send(response, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX)
    if (request.url === '/documents/page.pdf') return send(response, 'text/html; charset=utf-8', NOT_A_PDF)
    if (request.url === '/documents/mislabelled.pdf') return send(response, 'text/html', PDF)
    if (request.url === '/documents/enormous.pdf')
      return response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 30 * 1024 * 1024 }).end()
    response.writeHead(404, 'Not Found').end()
  })
  let base = ''
  const options = { ...DEFAULT_POLITE_FETCH, delayMs: 0, backoffMs: 0, timeoutMs: 5_000 }
  let web: DocumentOrigin

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    web = { kind: 'web', site: base, options }
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('fetches a PDF or Word document the site says is one, once for an address linked twice', async () => {
    const plan = await fetchDocuments(
      planOf([
        planned('7001', `${base}/documents/report.pdf`),
        planned('7002', `${base}/documents/plan.docx`),
        planned('7005', `${base}/documents/report.pdf`),
      ]),
      web,
    )
    expect(plan.documents.map((document) => document.missing)).toEqual([null, null, null])
    expect(plan.documents[0]?.file?.text).toContain('Quarter 3 performance report')
    expect(plan.documents[1]?.file?.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(requests.filter((path) => path === '/documents/report.pdf')).toHaveLength(1)
  })

  it('lists a 404, a page that is not a document, a document the site mislabels and one too large as missing', async () => {
    const plan = await fetchDocuments(
      planOf([
        planned('7006', `${base}/documents/gone.pdf`),
        planned('7007', `${base}/documents/page.pdf`),
        planned('7008', `${base}/documents/mislabelled.pdf`),
        planned('7010', `${base}/documents/enormous.pdf`),
      ]),
      web,
    )
    expect(plan.documents.map((document) => [document.file, document.missing])).toEqual([
      [null, 'the site answered 404 Not Found'],
      [null, 'it is not a PDF or Word document'],
      [null, 'the site says it is of type text/html, but its content is a PDF document'],
      [null, 'it is larger than 20MB'],
    ])
    expect(plan.notMapped.map((note) => note.reason)).toContain(
      `could not be had from ${base}/documents/gone.pdf: the site answered 404 Not Found`,
    )
  })

  it('fetches nothing from an address off the Modern.gov site, so a response cannot send it elsewhere', async () => {
    const before = requests.length
    const elsewhere = base.replace('127.0.0.1', 'localhost')
    const plan = await fetchDocuments(
      planOf([planned('7011', `${elsewhere}/documents/report.pdf`), planned('7012', 'http://169.254.169.254/latest')]),
      web,
    )
    expect(plan.documents.map((document) => document.missing)).toEqual([
      `it is not on the Modern.gov site (${base})`,
      `it is not on the Modern.gov site (${base})`,
    ])
    expect(requests.length).toBe(before)
  })
})
