import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDatabases } from '../test/support/databases.ts'
import { TEST_PASSWORD, startTestApp } from '../test/support/harness.ts'
import { text } from '../test/support/html.ts'
import { OIDC_ENVIRONMENT } from '../test/support/oidc-environment.ts'
import { loadConfig } from './config.ts'
import { createAdminAccount } from './modules/accounts/index.ts'
import { DEMO_PSEUDONYM_KEY, commandLineFramework, createReturns, loadDemoReturns } from './modules/returns/index.ts'
import { createSettings } from './modules/settings/index.ts'
import { createAuditReader } from './platform/audit/reader.ts'
import { createClock } from './platform/clock.ts'
import { prepareDatabase, startupWarnings } from './startup.ts'

const COMMITTEE = "Children and Young People's Scrutiny Committee"

describe.each(testDatabases())('starting on an empty database ($name)', (database) => {
  it('in production: no demo data or demo accounts, and how to create the first admin until there is one', async () => {
    const t = await startTestApp(database, { demo: false })
    try {
      const config = loadConfig({ NODE_ENV: 'production' })
      const told = (await prepareDatabase(t.db, config)).join('\n')
      expect(told).toContain('No admin account can sign in yet')
      expect(told).toContain('npm run create-admin -- EMAIL NAME')
      expect(text((await t.visitor().get('/bodies')).body)).not.toContain(COMMITTEE)
      const demoSignIn = await t.visitor().post('/sign-in', { email: 'admin@example.org', password: TEST_PASSWORD })
      expect(demoSignIn.statusCode).not.toBe(303)

      const admin = { email: 'first.admin@example.gov.uk', name: 'First Admin', password: TEST_PASSWORD }
      await createAdminAccount(t.db, admin)
      expect(await prepareDatabase(t.db, config)).toEqual([])
      expect((await t.visitor().signIn('first.admin@example.gov.uk', TEST_PASSWORD)).statusCode).toBe(303)
    } finally {
      await t.close()
    }
  })

  it('in production with OVERSIGHT_DEMO=1: the demo data and its accounts, and its synthetic returns', async () => {
    const t = await startTestApp(database, { demo: false })
    const folder = await mkdtemp(join(tmpdir(), 'oversight-demo-store-'))
    let returns: ReturnType<typeof createReturns> | undefined
    try {
      const config = loadConfig({ NODE_ENV: 'production', OVERSIGHT_DEMO: '1', OVERSIGHT_DEMO_PASSWORD: TEST_PASSWORD })
      const storePath = join(folder, 'child-level.duckdb')
      const opened = createReturns({
        db: t.db,
        clock: createClock(),
        storePath,
        pseudonymKey: DEMO_PSEUDONYM_KEY,
        framework: commandLineFramework,
        settings: createSettings({ db: t.db, audit: createAuditReader(t.db) }).service,
      })
      returns = opened
      const demoReturns = () => loadDemoReturns(opened.service)
      const told = await prepareDatabase(t.db, config, demoReturns)
      expect(told).toEqual([
        'Statutory returns: a synthetic CIN census and SSDA903 for 2023-24 taken in (synthetic data: made up for testing, not about any real child).',
        'Demo data loaded; demo accounts use OVERSIGHT_DEMO_PASSWORD.',
      ])
      expect(text((await t.visitor().get('/bodies')).body)).toContain(COMMITTEE)
      expect((await t.visitor().signIn('admin@example.org', TEST_PASSWORD)).statusCode).toBe(303)
      const extracts = await t.db
        .selectFrom('returnExtracts')
        .select(['kind', 'fileName', 'takenBy'])
        .orderBy('kind')
        .execute()
      expect(extracts).toEqual([
        { kind: '903', fileName: 'synthetic-ssda903', takenBy: 'the demo' },
        { kind: 'cin', fileName: 'synthetic-cin-census.xml', takenBy: 'the demo' },
      ])
      // Loaded once: a second start leaves the demo, and its returns, as they are.
      expect(await prepareDatabase(t.db, config, demoReturns)).toEqual([])
      expect(await t.db.selectFrom('returnExtracts').select('id').execute()).toHaveLength(2)
    } finally {
      await t.close()
      await returns?.close()
      await rm(folder, { recursive: true, force: true })
    }
  })
})

describe('startupWarnings', () => {
  const production = loadConfig({ NODE_ENV: 'production' })

  it('warns in production when OVERSIGHT_BASE_URL is left at its default', () => {
    expect(startupWarnings(production, '2024-01-22')).toEqual([
      'OVERSIGHT_BASE_URL is not set, so feeds and the open data page link to http://localhost:3000: ' +
        'set it to the address the public uses.',
    ])
    const set = loadConfig({ NODE_ENV: 'production', OVERSIGHT_BASE_URL: 'https://oversight.example.gov.uk' })
    expect(startupWarnings(set, '2024-01-22')).toEqual([])
    expect(startupWarnings(loadConfig({}), '2024-01-22')).toEqual([])
  })

  it('warns when the OpenID Connect redirect address is not on the base URL', () => {
    const oidc = { ...OIDC_ENVIRONMENT, OVERSIGHT_BASE_URL: 'https://oversight.example.gov.uk' }
    expect(startupWarnings(loadConfig(oidc), '2024-01-22')).toEqual([])
    const elsewhere = loadConfig({ ...oidc, OIDC_REDIRECT_URL: 'https://other.example.gov.uk/sign-in/oidc/callback' })
    expect(startupWarnings(elsewhere, '2024-01-22')).toEqual([
      'OIDC_REDIRECT_URL (https://other.example.gov.uk/sign-in/oidc/callback) is not on OVERSIGHT_BASE_URL ' +
        '(https://oversight.example.gov.uk): signing in through the provider works only at the redirect address’s site.',
    ])
  })

  it('warns when the checked bank holidays end within a year', () => {
    const warnings = startupWarnings(loadConfig({}), '2099-01-01')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Bank holidays are checked against GOV\.UK's list only to the end of \d{4}/)
  })
})
