import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '#src/app.ts'
import { startChangeFeed } from '#src/platform/db/change-feed.ts'
import { type Config, loadConfig } from '#src/config.ts'
import type { Database, Db } from '#src/database.ts'
import { describeLargeCouncil, loadLargeCouncil } from '#src/demo/large.ts'
import { createAdminAccount } from '#src/modules/accounts/index.ts'
import { importCommand } from '#src/modules/imports/index.ts'
import {
  DEMO_PSEUDONYM_KEY,
  PSEUDONYM_KEY_VARIABLE,
  RETURNS_FILE,
  commandLineFramework,
  createReturns,
  extractsCommand,
  anyExtractEverTaken,
  loadDemoReturns,
} from '#src/modules/returns/index.ts'
import { createSettings } from '#src/modules/settings/index.ts'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { backupCommand, restoreCommand } from '#src/platform/backup/commands.ts'
import { createClock } from '#src/platform/clock.ts'
import { openDatabase } from '#src/platform/db/database.ts'
import { lockDataFolder } from '#src/platform/db/data-folder-lock.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import { prepareDatabase, startupWarnings } from '#src/startup.ts'

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version
const usage =
  'Usage: oversight <serve | migrate | demo [--scale large] | create-admin EMAIL NAME | backup FILE | restore FILE | import moderngov FOLDER|ADDRESS [--dry-run | --apply] | extracts synth --children N --year 2023-24 --out FOLDER | extracts import 903|cin|annex-a PATH --year 2023-24>'

/**
 * The key children's ids are pseudonymised with: OVERSIGHT_PSEUDONYM_KEY, or with the demo on and
 * none given, the demo's own (for its synthetic children only).
 */
function pseudonymKey(demo: boolean): string | undefined {
  const key = process.env[PSEUDONYM_KEY_VARIABLE]
  if (key || !demo) return key
  console.warn(`${PSEUDONYM_KEY_VARIABLE} is not set: the demo's own key is used, fit only for synthetic returns.`)
  return DEMO_PSEUDONYM_KEY
}

/** The statutory returns for the command line and the demo: taking extracts in, on the configured store. */
function returnsOnCommandLine(db: Db, config: Config, key: string | undefined) {
  return createReturns({
    db,
    clock: createClock(config.today),
    storePath: join(config.dataDir, RETURNS_FILE),
    pseudonymKey: key,
    framework: commandLineFramework,
    settings: createSettings({ db, audit: createAuditReader(db), councilName: config.councilName }).service,
  })
}

/** A command line that asks for something there is not: its message, the usage, and exit code 2. */
class UsageError extends Error {}

/** The demo's size from `demo`'s arguments: the demo alone, or with the synthetic large council beside it. */
function demoScale(args: string[]): 'demo' | 'large' {
  const [flag, value, ...rest] =
    args.length === 1 && args[0].startsWith('--scale=') ? ['--scale', args[0].slice(8)] : args
  if (flag === undefined) return 'demo'
  if (flag !== '--scale' || rest.length > 0) throw new UsageError(`Unknown argument to demo: ${args.join(' ')}`)
  if (value === 'large') return 'large'
  if (value === undefined) throw new UsageError('--scale needs a value: npm run demo -- --scale large')
  throw new UsageError(`Unknown scale "${value}": the only scale is large (npm run demo -- --scale large).`)
}

async function main(command = 'serve', args: string[] = []) {
  // Synthetic returns are written to files: no configuration or database is needed.
  if (command === 'extracts' && args[0] !== 'import')
    process.exit(await extractsCommand(args, { out: console.log, err: console.error }))
  const config = loadConfig()
  if (command === 'extracts') {
    const openReturns = async () => {
      if (!config.databaseUrl) lockDataFolder(config.dataDir, command)
      const handle = await openDatabase<Database>(config)
      await migrateToLatest(handle.db)
      const returns = returnsOnCommandLine(handle.db, config, process.env[PSEUDONYM_KEY_VARIABLE])
      return {
        service: returns.service,
        async close() {
          await returns.close()
          await handle.close()
        },
      }
    }
    process.exit(await extractsCommand(args, { out: console.log, err: console.error, openReturns }))
  }
  const scale = command === 'demo' ? demoScale(args) : undefined
  // Before anything opens the database: a backup must not migrate what it copies, a restore must find its target empty.
  if (command === 'backup') process.exit(await backupCommand(args, config, version))
  if (command === 'restore') process.exit(await restoreCommand(args, config))
  // A dry run reads files and writes nothing, so it opens no database (and leaves a running server's alone).
  if (command === 'import') {
    const openForImport = async () => {
      if (!config.databaseUrl) lockDataFolder(config.dataDir, command)
      const handle = await openDatabase<Database>(config)
      await migrateToLatest(handle.db)
      return handle
    }
    const io = {
      today: createClock(config.today).today(),
      out: console.log,
      err: console.error,
      openDatabase: openForImport,
      baseUrl: config.baseUrlSet ? config.baseUrl : undefined,
      progress: { write: (text: string) => process.stderr.write(text), isTTY: Boolean(process.stderr.isTTY) },
    }
    process.exit(await importCommand(args, io))
  }
  // The embedded database is one process's at a time; released when this process exits.
  if (!config.databaseUrl) lockDataFolder(config.dataDir, command)
  const handle = await openDatabase<Database>(config)
  const applied = await migrateToLatest(handle.db)
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)

  if (command === 'migrate') return handle.close()

  if (command === 'create-admin') {
    try {
      const [email, ...name] = args
      // The council's name as its settings have it: OVERSIGHT_COUNCIL_NAME until an admin changes it.
      const settings = createSettings({
        db: handle.db,
        audit: createAuditReader(handle.db),
        councilName: config.councilName,
      })
      const councilName = (await settings.service.councilName(systemContext('command line'))) ?? undefined
      const { account, generatedPassword } = await createAdminAccount(
        handle.db,
        { email, name: name.join(' '), password: config.adminPassword },
        { councilName },
      )
      console.log(`Created the admin account ${account.email}.`)
      if (generatedPassword) console.log(`Its password, shown once: ${generatedPassword}`)
      return
    } finally {
      await handle.close()
    }
  }

  let demoReturnsWanted = false
  if (command === 'demo' || command === 'serve') {
    const demo = command === 'demo' || config.demo
    const lines = await prepareDatabase(handle.db, { ...config, demo }, async () => {
      // The server takes them in once it has answered its first page (which shows none of them).
      if (command === 'serve') {
        demoReturnsWanted = true
        return []
      }
      const returns = returnsOnCommandLine(handle.db, config, pseudonymKey(demo) ?? DEMO_PSEUDONYM_KEY)
      try {
        return await loadDemoReturns(returns.service)
      } finally {
        await returns.close()
      }
    })
    for (const line of lines) console.log(line)
    // A demo whose first start stopped before its returns were taken in takes them in now.
    if (command === 'serve' && demo && !demoReturnsWanted) demoReturnsWanted = !(await anyExtractEverTaken(handle.db))
    if (command === 'demo') {
      try {
        if (scale === 'large') {
          const started = performance.now()
          const summary = await loadLargeCouncil(handle.db)
          for (const line of describeLargeCouncil(summary, (performance.now() - started) / 1000)) console.log(line)
        }
      } finally {
        await handle.close()
      }
      return
    }
  }

  if (command !== 'serve') {
    await handle.close()
    console.error(usage)
    process.exit(2)
  }

  const clock = createClock(config.today)
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    clock,
    cookieSecure: config.cookieSecure,
    publicCache: config.pageCache,
    logLevel: config.logLevel,
    version,
    trustProxy: config.trustProxy,
    councilName: config.councilName,
    backupWarnDays: config.backupWarnDays,
    baseUrl: config.baseUrl,
    oidc: config.oidc,
    passwordSignIn: config.passwordSignIn,
    scheduledMessages: true,
    notify: config.notify,
    returnsStorePath: join(config.dataDir, RETURNS_FILE),
    pseudonymKey: pseudonymKey(config.demo),
  })
  for (const warning of startupWarnings(config, clock.today())) app.log.warn(warning)
  // Several processes may share a PostgreSQL database: each hears the others' changes, so that none
  // serves a cached page older than a change committed anywhere (ADR 3).
  const changes =
    config.databaseUrl && config.pageCache ? await startChangeFeed(handle.db, config.databaseUrl, app.log) : undefined
  const close = () => {
    void app
      .close()
      .then(() => changes?.stop())
      .then(() => handle.close())
      .then(() => process.exit(0))
  }
  if (demoReturnsWanted) takeInDemoReturnsSoon(app)
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
  await app.listen({ port: config.port, host: config.host })
  console.log(`Oversight is serving ${config.baseUrl} on ${config.host}:${config.port} (${handle.kind} database)`)
}

/**
 * The demo's statutory returns, taken in on a new demo's first start after the first page is answered
 * (or ten seconds after starting, if no one asks for one): the seconds they take are not the first page's.
 */
function takeInDemoReturnsSoon(app: FastifyInstance) {
  let started = false
  const takeIn = () => {
    if (started) return
    started = true
    clearTimeout(timer)
    loadDemoReturns(app.returns).then(
      (lines) => lines.forEach((line) => console.log(line)),
      (error: unknown) =>
        app.log.error(
          `The demo's returns were not taken in: ${error instanceof Error ? error.message : String(error)}`,
        ),
    )
  }
  const timer = setTimeout(takeIn, 10_000)
  app.addHook('onResponse', async () => takeIn())
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  if (error instanceof UsageError) console.error(usage)
  process.exit(error instanceof UsageError ? 2 : 1)
})
