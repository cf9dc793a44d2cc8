import { readFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_POLITE_FETCH, type PoliteFetchOptions } from '#src/platform/http/polite-fetch.ts'
import { runImportCommand } from '../../../../test/support/import-command.ts'
import { buildPlan, type PlanOptions } from './build-plan.ts'
import { readResponseFolder } from './read-folder.ts'
import { readWebService } from './read-web-service.ts'

const FIXTURES = 'test/fixtures/moderngov'
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const MEETINGS_104 =
  '<meetings><meeting><meetingid>2003</meetingid><committeeid>104</committeeid><meetingdate>02/05/2024</meetingdate></meeting></meetings>'

/** What the stand-in web service answers, by method and its id parameter, as the fixtures hold them. */
const SERVED: Record<string, string> = {
  'GetCommittees?lDays=0': 'committees.xml',
  GetCouncillorsByWard: 'councillors-by-ward.xml',
  'GetMeeting?lMeetingId=2001': 'meeting-2001.xml',
  'GetMeeting?lMeetingId=2002': 'meeting-2002.xml',
  'GetMeeting?lMeetingId=2003': 'meeting-2003-unknown-element.xml',
}

type Handler = (request: IncomingMessage, response: ServerResponse) => boolean
const seen: { path: string; headers: IncomingMessage['headers']; at: number; done: number }[] = []
let override: Handler = () => false
let open = 0
let mostOpen = 0

function serveFixture(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  const method = url.pathname.replace('/mgWebService.asmx/', '')
  const id = url.searchParams.get('lCommitteeId')
  if (method === 'GetMeetings' && id) {
    const body = id === '101' ? fixture('meetings-101.xml') : id === '104' ? MEETINGS_104 : '<meetings></meetings>'
    return response.end(body)
  }
  const name = SERVED[`${method}${url.search}`]
  if (!name) return response.writeHead(404).end()
  response.setHeader('content-type', 'text/xml; charset=utf-8')
  response.end(fixture(name))
}

const server = createServer((request, response) => {
  open += 1
  mostOpen = Math.max(mostOpen, open)
  const entry = { path: request.url ?? '', headers: request.headers, at: Date.now(), done: 0 }
  seen.push(entry)
  response.on('close', () => {
    open -= 1
    entry.done = Date.now()
  })
  if (!override(request, response)) serveFixture(request, response)
})
let address = ''
const options: PoliteFetchOptions = { ...DEFAULT_POLITE_FETCH, delayMs: 0, backoffMs: 0, timeoutMs: 5_000 }
const range = { bodies: [] as string[], from: '2000-01-01', to: '2030-12-31' }
const planOptions: PlanOptions = { bodies: [], from: range.from, to: range.to, today: '2024-06-01' }

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mgWebService.asmx`
})
afterEach(() => {
  override = () => false
  seen.length = 0
  mostOpen = 0
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const read = (changes: Partial<PoliteFetchOptions> = {}) =>
  readWebService({ ...range, address }, { ...options, ...changes })
const fails = (path: string, status: number, times = Infinity): Handler => {
  let left = times
  return (request, response) => {
    if (request.url !== path || left <= 0) return false
    left -= 1
    response.writeHead(status).end('<error/>')
    return true
  }
}
const requestsFor = (path: string) => seen.filter((entry) => entry.path === path).length

describe('the import through the web service address', () => {
  const folder = mkdtemp(join(tmpdir(), 'moderngov-web-'))
  afterAll(async () => rm(await folder, { recursive: true, force: true }))

  it('asks for committees, councillors, each committee’s meetings and each meeting, and plans what the folder plans', async () => {
    const dir = await folder
    await cp(FIXTURES, dir, { recursive: true, filter: (source) => !source.endsWith('malformed.xml') })
    const fromFolder = buildPlan(await readResponseFolder(dir), planOptions)
    const input = await read()
    expect(input.files).toBe(10)

    // The same records, each tied to the address that gave it rather than to a file name.
    let text = JSON.stringify(buildPlan(input, planOptions))
    for (const [query, name] of Object.entries(SERVED)) text = text.replaceAll(`${address}/${query}`, name)
    text = text.replaceAll(
      `${address}/GetMeetings?lCommitteeId=101&sFromDate=01%2F01%2F2000&sToDate=31%2F12%2F2030`,
      'meetings-101.xml',
    )
    const missing = `${address}/GetMeeting?lMeetingId=2004`
    expect(JSON.parse(text)).toEqual({
      ...fromFolder,
      notMapped: fromFolder.notMapped.map((item) => ({
        ...item,
        reason: item.reason.replace('is not in the folder', 'could not be had'),
      })),
      errors: [{ file: missing, message: `${missing}: the site answered 404 Not Found` }],
    })

    const meetings = seen.filter((entry) => entry.path.includes('GetMeetings?'))
    expect(meetings.map((entry) => new URL(entry.path, address).searchParams.get('lCommitteeId'))).toEqual([
      '101',
      '102',
      '103',
      '104',
    ])
    expect(new URL(meetings[0]?.path ?? '', address).searchParams.get('sFromDate')).toBe('01/01/2000')
    expect(new URL(meetings[0]?.path ?? '', address).searchParams.get('sToDate')).toBe('31/12/2030')
    // One request at a time, no credentials, and a User-Agent that names Oversight.
    expect(mostOpen).toBe(1)
    for (const { headers } of seen) {
      expect(headers['user-agent']).toMatch(/^Oversight /)
      expect(headers.authorization).toBeUndefined()
      expect(headers.cookie).toBeUndefined()
    }
  })

  it('reports its progress after each request, the total growing as the lists come in', async () => {
    const reports: [number, number][] = []
    await readWebService({ ...range, address }, options, (done, total) => reports.push([done, total]))
    // Committees and councillors, then four committees' lists, then the four meetings they list.
    expect(reports).toEqual([
      [1, 2],
      [2, 2],
      [3, 6],
      [4, 6],
      [5, 6],
      [6, 6],
      [7, 10],
      [8, 10],
      [9, 10],
      [10, 10],
    ])
  })

  it('asks only for the meetings of the committees named with --body', async () => {
    await readWebService({ ...range, bodies: ['cabinet'], address }, options)
    expect(seen.filter((entry) => entry.path.includes('GetMeetings?'))).toHaveLength(1)
    expect(seen.some((entry) => entry.path.includes('lCommitteeId=102'))).toBe(true)
  })

  it('tries a server error again and uses the answer that follows', async () => {
    override = fails('/mgWebService.asmx/GetMeeting?lMeetingId=2001', 500, 1)
    const plan = buildPlan(await read(), planOptions)
    expect(requestsFor('/mgWebService.asmx/GetMeeting?lMeetingId=2001')).toBe(2)
    expect(plan.items.filter((item) => item.meetingId === '2001')).toHaveLength(3)
    expect(plan.errors.map((error) => error.file)).toEqual([`${address}/GetMeeting?lMeetingId=2004`])
  })

  it('reports an address that always fails by its address after three tries, and plans everything else', async () => {
    override = fails('/mgWebService.asmx/GetMeeting?lMeetingId=2001', 500)
    const plan = buildPlan(await read(), planOptions)
    const url = `${address}/GetMeeting?lMeetingId=2001`
    expect(requestsFor('/mgWebService.asmx/GetMeeting?lMeetingId=2001')).toBe(3)
    expect(plan.errors).toContainEqual({
      file: url,
      message: `${url}: the site answered 500 Internal Server Error (3 tries)`,
    })
    // The meeting is still planned from its committee's list, without its items; the others whole.
    expect(plan.meetings.map((meeting) => meeting.source.id).sort()).toEqual(['2001', '2002', '2003', '2004'])
    expect(plan.items.filter((item) => item.meetingId === '2001')).toHaveLength(0)
    expect(plan.notMapped).toContainEqual(
      expect.objectContaining({ id: '2001', reason: expect.stringContaining('could not be had') as unknown }),
    )
    expect(plan.items.filter((item) => item.meetingId === '2002').length).toBeGreaterThan(0)
    expect(plan.people.length).toBeGreaterThan(0)
  })

  it('gives up on a response slower than the timeout, reports it and goes on', async () => {
    const timers: NodeJS.Timeout[] = []
    override = (request, response) => {
      if (request.url !== '/mgWebService.asmx/GetCouncillorsByWard') return false
      timers.push(setTimeout(() => response.end(fixture('councillors-by-ward.xml')), 3_000))
      return true
    }
    const plan = buildPlan(await read({ timeoutMs: 100 }), planOptions)
    timers.forEach(clearTimeout)
    const url = `${address}/GetCouncillorsByWard`
    expect(plan.errors).toContainEqual({ file: url, message: `${url}: no answer within 0.1 s (3 tries)` })
    expect(requestsFor('/mgWebService.asmx/GetCouncillorsByWard')).toBe(3)
    expect(plan.meetings).toHaveLength(4)
  })

  it('stops reading a body that passes the size limit, refuses it without trying again, and goes on', async () => {
    override = (request, response) => {
      if (request.url !== '/mgWebService.asmx/GetMeeting?lMeetingId=2002') return false
      // An answer that never ends: only a reader that stops lets this test finish.
      const chunk = `<!-- ${'x'.repeat(16_000)} -->`
      let stopped = false
      response.on('close', () => (stopped = true))
      response.write('<meeting>')
      const pump = () => {
        while (!stopped && response.write(chunk));
        if (!stopped) response.once('drain', pump)
      }
      pump()
      return true
    }
    const plan = buildPlan(await read({ maxBytes: 64 * 1024 }), planOptions)
    const url = `${address}/GetMeeting?lMeetingId=2002`
    expect(plan.errors).toContainEqual({ file: url, message: `${url}: larger than 65536 bytes` })
    expect(requestsFor('/mgWebService.asmx/GetMeeting?lMeetingId=2002')).toBe(1)
    expect(plan.items.filter((item) => item.meetingId === '2001')).toHaveLength(3)
  })
})

describe('an answer that says it is too large', () => {
  it('is refused on its Content-Length, before its body is read', async () => {
    override = (request, response) => {
      if (request.url !== '/mgWebService.asmx/GetCouncillorsByWard') return false
      // The body never comes: only a check of the declared length answers before the timeout.
      response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).write('<councillorsbyward>')
      return true
    }
    const input = await read({ maxBytes: 1024 * 1024, timeoutMs: 2_000 })
    const url = `${address}/GetCouncillorsByWard`
    expect(input.errors).toContainEqual({ file: url, message: `${url}: larger than 1048576 bytes` })
    expect(requestsFor('/mgWebService.asmx/GetCouncillorsByWard')).toBe(1)
  })
})

describe('npm run import -- moderngov ADDRESS', () => {
  const run = (...args: string[]) => runImportCommand(args, { webService: { backoffMs: 0, timeoutMs: 5_000 } })

  it('prints the plan of the web service’s answers and the address that failed; exit 1', async () => {
    const { code, out } = await run('moderngov', address, '--from', '2024-01-01', '--delay-ms', '0', '--dry-run')
    expect(out).toContain(`Import from Modern.gov: ${address} (dry run: nothing is written)`)
    expect(out).toContain('Read 9 of 10 responses.')
    expect(out).toMatch(/ {2}Bodies +4\n {2}People +4\n {2}Memberships +3\n {2}Meetings +4\n {2}Agenda items +6\n/)
    expect(out).toContain(
      `Errors (1): nothing of these responses is used\n  ${address}/GetMeeting?lMeetingId=2004: the site answered 404 Not Found`,
    )
    expect(code).toBe(1)
    // Without --to the service is asked up to a year after today.
    expect(seen.find((entry) => entry.path.includes('GetMeetings?'))?.path).toContain('sToDate=01%2F06%2F2025')
  })

  it('takes the site’s address for its web service', async () => {
    const { out } = await run(
      'moderngov',
      address.replace('/mgWebService.asmx', '/'),
      '--from',
      '2024-01-01',
      '--delay-ms',
      '0',
      '--dry-run',
    )
    expect(out).toContain('Read 9 of 10 responses.')
  })

  it.each([
    [
      ['moderngov', 'http://127.0.0.1:9/mgWebService.asmx', '--dry-run'],
      'Say --from YYYY-MM-DD: the web service is asked for the meetings between two dates.',
    ],
    [
      ['moderngov', 'https://user:secret@example.org/mgWebService.asmx', '--from', '2024-01-01', '--dry-run'],
      'Give the address without a user name or password: the web service needs none.',
    ],
    [
      ['moderngov', 'https://example.org/', '--delay-ms', 'soon', '--dry-run'],
      '--delay-ms needs a whole number of milliseconds.',
    ],
  ])('refuses %j before asking anything; exit 2', async (args, message) => {
    const { code, err } = await run(...args)
    expect(err.split('\n')[0]).toBe(message)
    expect(code).toBe(2)
    expect(seen).toHaveLength(0)
  })
})
