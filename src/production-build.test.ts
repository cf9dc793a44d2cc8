import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDist } from '../scripts/build.mjs'

const OUT = `dist-test-${process.pid}`
const MEETING = '/meetings/2024-01-25-children-and-young-peoples-scrutiny-committee'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * The production build: `npm run build` compiles src/ to JavaScript that Node runs as it is, with the
 * views, templates and demo data beside it, and that JavaScript serves the demo as `tsx` does.
 */
describe('the production build', () => {
  let server: ChildProcess | undefined
  let port: number
  const dataDir = mkdtempSync(join(tmpdir(), 'oversight-build-'))

  beforeAll(async () => {
    await buildDist({ quiet: true, out: OUT })
    port = await freePort()
    server = spawn(process.execPath, [join(OUT, 'main.js'), 'serve'], {
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        OVERSIGHT_DEMO_PASSWORD: 'correct horse battery staple 9',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The built app did not start:\n${output}`)), 90_000)
      const read = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Oversight is serving')) {
          clearTimeout(timer)
          resolve()
        }
      }
      server!.stdout!.on('data', read)
      server!.stderr!.on('data', read)
      server!.once('exit', (code) => reject(new Error(`The built app ended (${code}):\n${output}`)))
    })
  }, 120_000)
  afterAll(async () => {
    server?.kill('SIGTERM')
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve))
    rmSync(OUT, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('compiles every source file but the tests, and copies the files the code reads', () => {
    expect(existsSync(join(OUT, 'main.js'))).toBe(true)
    expect(existsSync(join(OUT, 'main.test.js'))).toBe(false)
    expect(existsSync(join(OUT, 'modules', 'notifications', 'templates', 'alert.txt'))).toBe(true)
    expect(existsSync(join(OUT, 'platform', 'views', 'layout.njk'))).toBe(true)
    const app = readFileSync(join(OUT, 'app.js'), 'utf8')
    expect(app).toContain('from "./platform/auth/user.js"')
    expect(app).not.toMatch(/#src\/|\.ts"/)
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
})
