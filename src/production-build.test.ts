import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDist } from '../scripts/build.mjs'
import { COMMON_PASSWORDS_FILE, commonPasswordsText } from '#src/platform/auth/password-policy.ts'
import { freePort, startServerProcess, stopServerProcess } from '../test/support/server-process.ts'

const OUT = `dist-test-${process.pid}`
const MEETING = '/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee'

/** The packages `file` loads before it runs, with those of the chunks it loads before it runs. */
function staticImports(folder: string, file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  for (const [, from] of readFileSync(join(folder, file), 'utf8').matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)) {
    if (from.startsWith('./')) for (const name of staticImports(folder, from.slice(2), seen)) packages.add(name)
    else if (!from.startsWith('node:')) packages.add(from)
  }
  return packages
}

/**
 * The production build: `npm run build` bundles src/ into JavaScript that Node runs as it is, with the
 * views, templates and demo data beside it, and that JavaScript serves the demo as `tsx` does.
 */
describe('the production build', () => {
  let server: (ChildProcess & { startOutput: string }) | undefined
  let port: number
  /** What the server has printed since it said it was serving. */
  let said = ''
  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-build-'))

  beforeAll(async () => {
    await buildDist({ quiet: true, out: OUT })
    port = await freePort()
    server = await startServerProcess([join(OUT, 'main.js'), 'serve'], {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      OVERSIGHT_DEMO_PASSWORD: 'correct horse battery staple 9',
      LOG_LEVEL: 'warn',
    })
    server.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()))
  }, 120_000)
  afterAll(async () => {
    await stopServerProcess(server)
    rmSync(OUT, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('bundles the code into main.js, with what is loaded on first use apart, and copies the files the code reads', () => {
    const main = readFileSync(join(OUT, 'main.js'), 'utf8')
    expect(existsSync(join(OUT, 'app.js'))).toBe(false)
    expect(existsSync(join(OUT, 'modules', 'notifications', 'templates', 'alert.txt'))).toBe(true)
    expect(existsSync(join(OUT, 'platform', 'views', 'layout.njk'))).toBe(true)
    // What scripts/start.mjs imports before main.js, to compile PGlite's WebAssembly while main loads.
    expect(existsSync(join(OUT, 'platform', 'db', 'pglite-wasm.js'))).toBe(true)
    // The passwords' deny-list as the package has it, unpacked once by the build.
    expect(readFileSync(join(OUT, 'platform', 'auth', COMMON_PASSWORDS_FILE), 'utf8')).toBe(commonPasswordsText())
    expect(main).not.toMatch(/#src\/|\.ts"|from "vitest"/)
    // Loaded when first used, not at start: the demo's YAML parser, axios for GOV.UK Notify, DuckDB for
    // the returns' store, the parsers and writers of imports and exports, and the bank holidays' rules.
    const atStart = staticImports(OUT, 'main.js')
    expect(atStart.size).toBeGreaterThan(10)
    for (const lazy of [
      'yaml',
      'axios',
      '@duckdb/node-api',
      'cheerio',
      'date-holidays',
      'exceljs',
      'pdfkit',
      'pdf-lib',
      // PostgreSQL's driver on the embedded database; Word papers, uploads, feeds and single sign-on.
      'pg',
      'docx',
      'file-type',
      'feed',
      'ical-generator',
      'openid-client',
    ])
      expect(atStart).not.toContain(lazy)
    // Bundled, the few functions used rather than the package's hundreds of files.
    const built = readdirSync(OUT)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(OUT, file), 'utf8'))
      .join('\n')
    for (const bundled of ['date-fns', 'kysely', 'zod']) {
      expect(atStart).not.toContain(bundled)
      expect(built).toContain(`// node_modules/${bundled}/`)
    }
    const chunks = readdirSync(OUT).filter((file) => /^chunk-.*\.js$/.test(file))
    expect(chunks.some((chunk) => readFileSync(join(OUT, chunk), 'utf8').includes('from "yaml"'))).toBe(true)
  })

  it('keeps a migrated empty database beside the code, which a new data folder starts as a copy of', () => {
    expect(existsSync(join(OUT, 'cluster', 'PG_VERSION'))).toBe(true)
    expect(existsSync(join(OUT, '.cluster-data'))).toBe(false)
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true)
    // Nothing was left to apply on the first start, and the demo still went in.
    expect(server?.startOutput).not.toContain('Applied migrations')
    expect(server?.startOutput).toContain('Demo data loaded')
  })

  it('compiles the templates, which a start then never compiles again', () => {
    const compiled = JSON.parse(readFileSync(join(OUT, 'compiled-views.json'), 'utf8')) as Record<string, string>
    expect(compiled['modules/meetings/views/meeting.njk']).toContain('function root(env, context, frame, runtime, cb)')
    expect(Object.keys(compiled)).toContain('govuk/components/button/template.njk')
  })

  it('serves the demo from the compiled JavaScript', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/health`)
    expect(health.status).toBe(200)
    const meeting = await fetch(`http://127.0.0.1:${port}${MEETING}`)
    expect(meeting.status).toBe(200)
    expect(await meeting.text()).toContain('Committee Room A, Town Hall, Blackpool')
    // The app's own stylesheet, copied beside the code.
    const stylesheet = await fetch(`http://127.0.0.1:${port}/static/oversight.css`)
    expect(stylesheet.status).toBe(200)
  })

  it("takes in the demo's statutory returns once it serves", async () => {
    const deadline = Date.now() + 60_000
    while (!said.includes('Statutory returns:') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(said).toContain('Statutory returns: a synthetic CIN census and SSDA903 for 2023-24 taken in')
  }, 70_000)
})
