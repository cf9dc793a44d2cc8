import type { FastifyInstance } from 'fastify'
import { buildApp } from '#src/app.ts'
import { DEMO_COUNCIL_NAME, type OidcSettings } from '#src/config.ts'
import type { Db } from '#src/database.ts'
import { DEMO_ACCOUNTS } from '#src/demo/index.ts'
import type { NotifySettings } from '#src/modules/notifications/index.ts'
import { hashPassword } from '#src/platform/auth/passwords.ts'
import type { Role } from '#src/platform/auth/user.ts'
import { createClock } from '#src/platform/clock.ts'
import { Agent, type AgentOptions } from './agent.ts'
import type { TestDatabase, TestDatabaseHandle } from './databases.ts'
import { type QueryCounter, createQueryCounter } from './query-counter.ts'
import { TEST_PASSWORD } from './test-password.ts'

export { TEST_PASSWORD }

/** The site's public address in tests (OVERSIGHT_BASE_URL): every absolute link must start with it. */
export const TEST_BASE_URL = 'https://oversight.example.gov.uk'

/** The roles a signed-in test can take, plus the public (signed out). */
export type TestRole = Role | 'public'
export const ALL_ROLES: TestRole[] = ['public', 'member', 'officer', 'scrutiny_officer', 'analyst', 'admin']

export const DEMO_EMAIL: Record<Role, string> = Object.fromEntries(
  DEMO_ACCOUNTS.map((account) => [account.role, account.email]),
) as Record<Role, string>

export interface TestApp {
  app: FastifyInstance
  db: Db
  handle: TestDatabaseHandle
  /** Counts the statements sent to the database: `await t.queries.count(() => agent.get(url))`. */
  queries: QueryCounter
  /** A signed-out client, from 127.0.0.1 unless told otherwise. */
  visitor(options?: AgentOptions): Agent
  /**
   * A client signed in with the demo account of `role` ('public' stays signed out). Without the demo,
   * an account of that role (the demo's email and name, no person) is made the first time it is asked for.
   */
  as(role: TestRole): Promise<Agent>
  /** Creates an extra account and returns a client signed in with it. */
  newAccount(role: Role, options?: { personId?: string | null; email?: string; name?: string }): Promise<Agent>
  close(): Promise<void>
}

/** The pseudonym key of the test apps: made up, at the length the returns ask for. */
export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-for-made-up-children-only'

/**
 * A migrated database (with the demo data unless demo: false; a copy of one prepared once per test
 * run) and the app on it, with the clock pinned to `today` (the demo's 22 January 2024 by default).
 * Logging is off.
 */
export async function startTestApp(
  database: TestDatabase,
  options: {
    demo?: boolean
    today?: string
    publicCache?: boolean
    /** The council's name, which passwords may not contain: the demo's with the demo, none without unless given. */
    councilName?: string
    trustProxy?: string[]
    rateLimitPerMinute?: number
    /** GOV.UK Notify: in tests, a stand-in's address and key (test/support/notify-stand-in.ts). */
    notify?: NotifySettings
    /** Sign-in through an OpenID Connect provider (test/support/oidc-provider.ts). */
    oidc?: OidcSettings
    passwordSignIn?: boolean
    /** The key the returns pseudonymise children's ids with: TEST_PSEUDONYM_KEY unless given (null: none). */
    pseudonymKey?: string | null
  } = {},
): Promise<TestApp> {
  const queries = createQueryCounter()
  const handle = await database.openPrepared(options.demo === false ? 'migrated' : 'demo', { log: queries.log })
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    clock: createClock(options.today ?? '2024-01-22'),
    cookieSecure: true,
    publicCache: options.publicCache ?? false,
    trustProxy: options.trustProxy,
    // As the configuration has it in demo mode.
    councilName: options.councilName ?? (options.demo !== false ? DEMO_COUNCIL_NAME : undefined),
    baseUrl: TEST_BASE_URL,
    rateLimitPerMinute: options.rateLimitPerMinute,
    notify: options.notify,
    oidc: options.oidc,
    passwordSignIn: options.passwordSignIn,
    pseudonymKey: options.pseudonymKey === null ? undefined : (options.pseudonymKey ?? TEST_PSEUDONYM_KEY),
  })
  await app.ready()
  let extra = 0
  let passwordHash: Promise<string> | undefined
  const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD))
  const insertAccount = async (account: { email: string; name: string; role: Role; personId: string | null }) => {
    await handle.db
      .insertInto('users')
      .values({ ...account, passwordHash: await hashed() })
      .execute()
  }
  // Without the demo, each role's account is made once, when a test first signs in as it.
  const roleAccounts = new Map<Role, Promise<void>>()
  const roleAccount = (role: Role) => {
    if (options.demo !== false) return Promise.resolve()
    let made = roleAccounts.get(role)
    if (!made) {
      const demo = DEMO_ACCOUNTS.find((account) => account.role === role)!
      made = insertAccount({ email: demo.email, name: demo.name, role, personId: null })
      roleAccounts.set(role, made)
    }
    return made
  }
  const result: TestApp = {
    app,
    db: handle.db,
    handle,
    queries,
    visitor: (agentOptions) => new Agent(app, agentOptions),
    async as(role) {
      const agent = new Agent(app)
      if (role === 'public') return agent
      await roleAccount(role)
      await agent.signIn(DEMO_EMAIL[role], TEST_PASSWORD)
      return agent
    },
    async newAccount(role, accountOptions = {}) {
      const email = accountOptions.email ?? `extra-${++extra}-${role}@example.org`
      await insertAccount({
        email,
        name: accountOptions.name ?? `Test ${role} ${extra}`,
        role,
        personId: accountOptions.personId ?? null,
      })
      const agent = new Agent(app)
      await agent.signIn(email, TEST_PASSWORD)
      return agent
    },
    async close() {
      await app.close()
      await handle.close()
    },
  }
  return result
}
