/**
 * npm run bench: the page budget (p95 under 50 ms on the demo data) and the start-up budget
 * (npm start serves its first page in under 10 s on a fresh data folder), from architecture.md, and
 * the import budget of issue 11 (bench/import.ts) and the papers budgets of issue 12 (bench/papers.ts).
 * `npm run bench -- pages`, `-- import` or `-- papers` runs one part and rewrites only its part of
 * bench/results.md.
 *
 * The app runs in this process (file-less PGlite with the demo data, or DATABASE_URL when set);
 * autocannon runs in a child process. Each target is measured beside a static route, in the same
 * app, that serves the target's exact bytes: the ratio says how much of the time is the page's own.
 * Budget misses are printed, not fatal: the exit code is non-zero only when the bench itself fails.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '#src/app.ts'
import type { Database } from '#src/database.ts'
import { loadDemo } from '#src/demo/index.ts'
import { createClock } from '#src/platform/clock.ts'
import { openPglite, openPostgres } from '#src/platform/db/database.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import { benchImport, importReport } from './import.ts'
import { benchPapers, papersReport } from './papers.ts'
import type { LoadRequest, LoadResult } from './load.ts'
import { buildDist } from '../scripts/build.mjs'

const root = new URL('..', import.meta.url).pathname
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
/** A second, shorter run of each page with one connection: the time a request takes with no queue. */
const SOLO_SECONDS = Math.max(2, Math.round(SECONDS / 2))
const PAGE_BUDGET_MS = 50
const START_BUDGET_MS = 5_000
const RESTART_BUDGET_MS = 2_000

const meeting = '/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee'
const TARGETS = [
  { name: 'Meeting page', path: meeting },
  { name: 'Report page', path: `${meeting}/items/8/report` },
  { name: 'Body page', path: '/bodies/children-and-young-peoples-scrutiny-committee' },
  { name: 'API: meeting', path: `/api/v1${meeting}` },
]

interface Row {
  name: string
  path: string
  kind: 'dynamic' | 'rendered' | 'static'
  /** The status the route answers (the static twin always answers 200, with the target's bytes). */
  status: number
  result: LoadResult
  /** The same route with one connection (dynamic routes only). */
  solo?: LoadResult
}

function measure(
  url: string,
  seconds: number,
  connections = CONNECTIONS,
  headers?: Record<string, string>,
): Promise<LoadResult> {
  const child = fork(join(root, 'bench', 'load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) =>
      message.ok ? resolve(message.result!) : reject(new Error(message.error)),
    )
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)))
    child.send({ url, connections, seconds, headers } satisfies LoadRequest)
  })
}

async function openBenchDatabase() {
  if (process.env.DATABASE_URL) return openPostgres<Database>(process.env.DATABASE_URL)
  return openPglite<Database>()
}

async function benchPages(): Promise<{ rows: Row[]; dbKind: string }> {
  const handle = await openBenchDatabase()
  await migrateToLatest(handle.db)
  await loadDemo(handle.db, { password: randomBytes(16).toString('hex') })
  // As `npm start` serves it: signed-out pages come from the page cache until the data changes.
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    clock: createClock('2024-01-22'),
    cookieSecure: true,
    publicCache: true,
  })

  // The static twin of each target: the same bytes and content type, through the same platform hooks.
  const copies = new Map<string, { body: Buffer; type: string }>()
  app.get('/__bench/static/:n', async (request, reply) => {
    const copy = copies.get((request.params as { n: string }).n)
    if (!copy) return reply.code(404).send()
    return reply.type(copy.type).send(copy.body)
  })

  // The app limits requests per client address (6000 a minute); the load comes from one address,
  // so each of its connections is given an address of its own. The limiter still runs on every request.
  let connection = 0
  app.server.on('connection', (socket: Socket) => {
    Object.defineProperty(socket, 'remoteAddress', { value: `bench-connection-${++connection}` })
  })

  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

  const rows: Row[] = []
  try {
    for (const [index, target] of TARGETS.entries()) {
      const response = await fetch(base + target.path)
      const body = Buffer.from(await response.arrayBuffer())
      copies.set(String(index), { body, type: response.headers.get('content-type') ?? 'application/octet-stream' })
      if (!response.ok) console.log(`! ${target.path} answers ${response.status}: measuring it anyway, see the table`)
      // dynamic: as served (page cache on); rendered: every request rendered afresh (Cache-Control: no-cache).
      for (const kind of ['dynamic', 'rendered', 'static'] as const) {
        const url = kind === 'static' ? `${base}/__bench/static/${index}` : base + target.path
        const headers = kind === 'rendered' ? { 'cache-control': 'no-cache' } : undefined
        if (WARMUP_SECONDS > 0) await measure(url, WARMUP_SECONDS, CONNECTIONS, headers)
        process.stdout.write(`  ${target.name} (${kind}) for ${SECONDS} s… `)
        const result = await measure(url, SECONDS, CONNECTIONS, headers)
        console.log(`${Math.round(result.requestsPerSecond)} requests/s, p95 ${result.p95.toFixed(1)} ms`)
        const solo = kind === 'static' ? undefined : await measure(url, SOLO_SECONDS, 1, headers)
        if (solo)
          console.log(`  ${target.name} (${kind}, 1 connection) for ${SOLO_SECONDS} s… p95 ${solo.p95.toFixed(1)} ms`)
        rows.push({ ...target, kind, status: kind === 'static' ? 200 : response.status, result, solo })
      }
    }
  } finally {
    await app.close()
    await handle.close()
  }
  return { rows, dbKind: handle.kind }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, 'SIGTERM') // the whole group: tsx and the node it starts
    } catch {
      resolve()
    }
  })
}

/**
 * `npm start` (the compiled JavaScript, built beforehand) on a fresh data folder (PGlite, demo data),
 * then again on the same folder: milliseconds until / answers 200, each time.
 */
async function timeToFirstPage(): Promise<{ fresh: number; restart: number }> {
  await buildDist({ quiet: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-bench-'))
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OVERSIGHT_DEMO: '1',
    OVERSIGHT_DEMO_PASSWORD: randomBytes(16).toString('hex'),
  }
  delete env.DATABASE_URL
  const once = async () => {
    const started = performance.now()
    const child = spawn(process.execPath, [join('scripts', 'start.mjs'), 'serve'], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    try {
      while (performance.now() - started < 60_000) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before serving a page`)
        const ok = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.status === 200,
          () => false,
        )
        if (ok) return performance.now() - started
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error('npm start served no page within 60 s')
    } finally {
      await stop(child)
    }
  }
  try {
    return { fresh: await once(), restart: await once() }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')

function report(rows: Row[], dbKind: string, start: { fresh: number; restart: number }): string {
  const lines = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench\` on Node ${process.version}, ${cpus().length} cores ` +
      `(load average ${loadavg()[0].toFixed(1)} at the end), ${dbKind} database with the demo data.`,
    `${CONNECTIONS} connections for ${SECONDS} s per row after a ${WARMUP_SECONDS} s warm-up; p95 and p99 from every ` +
      `response's latency as autocannon reports it. Budget: p95 under ${PAGE_BUDGET_MS} ms, judged on the ${CONNECTIONS}-connection p95 as served, and on the one-connection p95 for fresh renders.`,
    `"p95 alone" is a second ${SOLO_SECONDS} s run with one connection: the time one request takes with no queue.`,
    '"dynamic" is the page as `npm start` serves it to the public (from the page cache until the data changes); ' +
      '"rendered" asks for a fresh copy (`Cache-Control: no-cache`), so every request queries the database and renders.',
    '',
    '| Route | Serves | Status | Requests/s | p95 (ms) | p99 (ms) | Non-2xx | Dynamic ÷ static | p95 alone (ms) | Budget |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const row of rows) {
    const twin = rows.find((other) => other.path === row.path && other.kind === 'static')
    const ratio =
      row.kind !== 'static' && twin
        ? `${(twin.result.requestsPerSecond / row.result.requestsPerSecond).toFixed(1)}×`
        : ''
    // Served pages are judged under load; fresh renders on the time one takes with no queue.
    const judged = row.kind === 'rendered' ? (row.solo?.p95 ?? Infinity) : row.result.p95
    const verdict =
      row.kind === 'static' ? '' : row.result.non2xx > 0 ? 'FAIL (non-2xx)' : judged < PAGE_BUDGET_MS ? 'PASS' : 'FAIL'
    lines.push(
      `| \`${row.path}\` | ${row.kind} | ${row.status} | ${Math.round(row.result.requestsPerSecond)} | ${ms(row.result.p95)} | ` +
        `${ms(row.result.p99)} | ${row.result.non2xx} | ${ratio} | ${row.solo ? ms(row.solo.p95) : ''} | ${verdict} |`,
    )
  }
  const verdict = (value: number, budget: number) => (value < budget ? 'PASS' : 'FAIL')
  lines.push(
    '',
    'Dynamic ÷ static is how many times longer the page takes than serving its bytes from memory (static requests/s ÷ dynamic requests/s).',
    '',
    `Time to first page: ${(start.fresh / 1000).toFixed(1)} s from starting \`npm start\`'s compiled JavaScript on a fresh ` +
      `data folder (migrations, demo data) to \`/\` answering 200. Budget: under ${START_BUDGET_MS / 1000} s. ` +
      `${verdict(start.fresh, START_BUDGET_MS)}`,
    '',
    `Restart: ${(start.restart / 1000).toFixed(1)} s on the same folder. Budget: under ${RESTART_BUDGET_MS / 1000} s. ` +
      `${verdict(start.restart, RESTART_BUDGET_MS)}`,
    '',
  )
  return lines.join('\n')
}

const PARTS = ['pages', 'import', 'papers'] as const
type Part = (typeof PARTS)[number]
/** Each part's heading in bench/results.md, after the pages' part, which has none of its own. */
const HEADINGS = { import: '## Import from Modern.gov', papers: '## Papers' } as const

/** bench/results.md cut into its parts, by their headings. */
function partsOf(text: string): Record<Part, string> {
  const starts = (Object.entries(HEADINGS) as [Exclude<Part, 'pages'>, string][])
    .map(([part, heading]) => ({ part, at: text.indexOf(heading) }))
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
  const found: Record<Part, string> = { pages: text.slice(0, starts[0]?.at ?? text.length), import: '', papers: '' }
  starts.forEach((start, index) => {
    found[start.part] = text.slice(start.at, starts[index + 1]?.at ?? text.length)
  })
  return found
}

/** The parts named on the command line (all when none is). */
function partsAsked(): Part[] | string {
  const named = process.argv.slice(2)
  const unknown = named.filter((name) => !(PARTS as readonly string[]).includes(name))
  if (unknown.length) return `Unknown part ${unknown.join(', ')}: say ${PARTS.join(', ')}, or nothing for all.`
  return named.length ? (named as Part[]) : [...PARTS]
}

async function main() {
  const parts = partsAsked()
  if (typeof parts === 'string') {
    console.error(parts)
    process.exit(2)
  }
  const file = join(root, 'bench', 'results.md')
  const before = existsSync(file) ? readFileSync(file, 'utf8') : ''
  // A part not run keeps what it measured last time.
  const found = partsOf(before)
  if (parts.includes('pages')) {
    console.log(`Benchmark: ${TARGETS.length} routes, ${CONNECTIONS} connections, ${SECONDS} s each (BENCH_SECONDS)`)
    const { rows, dbKind } = await benchPages()
    console.log('Time to first page on a fresh data folder…')
    const start = await timeToFirstPage()
    found.pages = `${report(rows, dbKind, start)}\n`
  }
  if (parts.includes('import')) {
    console.log('Import from Modern.gov: 1,000 meetings with 10 items each, from a folder')
    found.import = importReport(await benchImport(), cpus().length)
  }
  if (parts.includes('papers')) {
    console.log('Papers: the 25 January 2024 agenda pack, and a 300-page pack')
    found.papers = papersReport(await benchPapers(), cpus().length)
  }
  const text = `${[found.pages, found.import, found.papers]
    .map((part) => part.trimEnd())
    .filter(Boolean)
    .join('\n\n')}\n`
  console.log(`\n${text}`)
  writeFileSync(file, text)
  console.log('Written to bench/results.md')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
