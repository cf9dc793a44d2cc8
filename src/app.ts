import { type Context, systemContext } from '#src/platform/auth/user.ts'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '#src/database.ts'
import { createAuditReader } from '#src/platform/audit/reader.ts'
import type { OidcSettings } from '#src/config.ts'
import { createOidcProvider } from '#src/platform/auth/oidc-provider.ts'
import { oidcRoutes } from '#src/platform/auth/oidc-routes.ts'
import { authRoutes } from '#src/platform/auth/routes.ts'
import { backupRoutes } from '#src/platform/backup/routes.ts'
import { createBackupsService } from '#src/platform/backup/service.ts'
import { createSessionStore } from '#src/platform/auth/sessions.ts'
import type { Clock } from '#src/platform/clock.ts'
import { healthRoutes } from '#src/platform/health/routes.ts'
import { registerHttpPlatform } from '#src/platform/http/plugin.ts'
import { createAccounts } from '#src/modules/accounts/index.ts'
import { createBodies } from '#src/modules/bodies/index.ts'
import { createMeetings, motionsSection, nextAgendaSection, participationSection } from '#src/modules/meetings/index.ts'
import { generatedAppendixKinds } from './generated-appendices.ts'
import { createMinutes, personRecordSection } from '#src/modules/meetings/minutes/index.ts'
import { createPublishing } from '#src/modules/publishing/index.ts'
import { createRecommendations, recommendationsSection } from '#src/modules/recommendations/index.ts'
import { createDecisions, decisionsSection, forwardPlanSection } from '#src/modules/decisions/index.ts'
import { createWorkProgramme, workProgrammeSection } from '#src/modules/workprogramme/index.ts'
import { createWaitingLists } from '#src/modules/waitinglists/index.ts'
import { createPetitions } from '#src/modules/petitions/index.ts'
import { createIndicators } from '#src/modules/indicators/index.ts'
import { createImprovement } from '#src/modules/improvement/index.ts'
import { createSettings } from '#src/modules/settings/index.ts'
import { type ReturnsService, createReturns } from '#src/modules/returns/index.ts'
import { type NotifySettings, createNotifications, startScheduler } from '#src/modules/notifications/index.ts'
import { type JobRunResult, createJobQueue, createJobRunner, startJobLoop } from '#src/platform/jobs/index.ts'
import { createImports, createSourceReader } from '#src/modules/imports/index.ts'

export interface AppOptions {
  db: Db
  dbKind: string
  clock: Clock
  cookieSecure: boolean
  logLevel?: string
  /**
   * Cache signed-out pages in memory until the data changes, and keep what nearly every page reads
   * (the register of bodies and people, the council's settings) from one request to the next until
   * then; off unless asked for.
   */
  publicCache?: boolean
  rateLimitPerMinute?: number
  version?: string
  /** Proxies (addresses, CIDRs) whose X-Forwarded-For names the client; none unless configured. */
  trustProxy?: string[]
  /** OVERSIGHT_COUNCIL_NAME: the council's name until an admin sets one in the council settings. */
  councilName?: string
  /** Days without a backup before the backups page warns (OVERSIGHT_BACKUP_WARN_DAYS). */
  backupWarnDays?: number
  /** The site's public address (config's OVERSIGHT_BASE_URL), for absolute links; never the Host header. */
  baseUrl?: string
  /** Sign-in through the council's OpenID Connect provider (config's OIDC_ settings); none unless given. */
  oidc?: OidcSettings
  /** Whether anyone may sign in with a password (OIDC_PASSWORD_SIGN_IN); yes unless told otherwise. */
  passwordSignIn?: boolean
  /** Send scheduled messages (update requests) once ready: the server does; tests run `app.scheduled` themselves. */
  scheduledMessages?: boolean
  /** GOV.UK Notify (config's NOTIFY_*): messages are delivered through it; only kept in the outbox without it. */
  notify?: NotifySettings
  /** How often the server runs the due jobs (deliveries); every 10 seconds unless told otherwise. */
  jobIntervalMs?: number
  /**
   * Where the statutory returns' child-level store is kept (under the data folder); a folder of its
   * own under the system's temporary folder, removed on close, unless given (tests).
   */
  returnsStorePath?: string
  /** OVERSIGHT_PSEUDONYM_KEY: the key children's ids are pseudonymised with; returns cannot be taken in without it. */
  pseudonymKey?: string
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly { method: string; url: string }[]
    /** The scheduled work, run now: what the scheduler runs hourly (and what tests run when they choose). */
    scheduled: {
      sendUpdateRequests: () => Promise<number>
      sendOverdueDigest: () => Promise<number>
      sendAlerts: () => Promise<number>
      /** Runs the jobs due at `now` (the real time unless given): what the server does every few seconds. */
      runJobs: (now?: Date) => Promise<JobRunResult>
      /** Deletes the extracts of the returns kept past the council's retention period, as at `now`. */
      deleteExpiredExtracts: (now?: Date) => Promise<number>
    }
    /** The statutory returns on the server's own store: the demo's are taken in through it once the server serves. */
    returns: ReturnsService
  }
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>
/** Fastify's types describe ajv's compilers; zod's are called the same way, with a route's schema. */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as CompilersFactory

/** The composition root: database → services → routes. Used by main.ts and by the tests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: options.trustProxy ?? false,
    // Fastify's own compilers (ajv, fast-json-stringify) are never used, so never loaded: a tenth of a
    // second of every start.
    schemaController: { compilersFactory: zodCompilers },
  })
  // Routes declare their params, query, body and responses as zod schemas (fastify-type-provider-zod):
  // Fastify validates them, TypeScript infers them, and the OpenAPI document is made from them.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // Every route as registered, for the test that requests each one as every role.
  const routeTable: { method: string; url: string }[] = []
  app.decorate('routeTable', routeTable)
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url })
  })
  const { db, clock } = options
  const baseUrl = options.baseUrl ?? 'http://localhost'
  const sessions = createSessionStore(db)
  const oidc = options.oidc ? createOidcProvider(options.oidc) : undefined
  const audit = createAuditReader(db)
  // What nearly every page reads is kept until the data changes, as the public pages are.
  const readsAcrossRequests = options.publicCache ?? false
  // Where imported records came from, for the pages and the open data that show it.
  const sources = createSourceReader(db, { acrossRequests: readsAcrossRequests })
  // The council's settings: read by the rules and pages that differ from one council to another.
  const settings = createSettings({ db, audit, councilName: options.councilName, readsAcrossRequests })

  await registerHttpPlatform(app, {
    sessions,
    clock,
    cookieSecure: options.cookieSecure,
    publicCache: options.publicCache,
    rateLimitPerMinute: options.rateLimitPerMinute,
    councilName: settings.service.pageName,
    freshCouncilName: (ctx) => settings.service.freshPageName(ctx),
    baseUrl,
    // Signing out of the provider too is a form's redirect there, which the CSP's form-action must allow.
    formActions: oidc ? [new URL(oidc.settings.issuer).origin] : [],
  })

  // The body page gathers from modules made after bodies, so it asks for them when its routes are registered.
  const bodies = createBodies({
    db,
    clock,
    audit,
    sources,
    readsAcrossRequests,
    page: () => ({
      meetings: meetings.service,
      sections: bodySections,
      personSections: [personRecordSection(minutes.service), motionsSection(meetings.service)],
    }),
  })
  /** The council's name on the papers it issues; the product's while none is set. */
  const councilName = async (ctx: Context) => (await settings.service.councilName(ctx)) ?? 'Oversight'
  // Each asks the other's service: the minutes write items' minutes through meetings, meetings ask the minutes.
  const meetings = createMeetings({
    db,
    clock,
    audit,
    sources,
    bodies: bodies.service,
    minutes: () => minutes.service,
    reportTemplate: (ctx) => settings.service.reportTemplate(ctx),
    councilName,
    publicationNotice: async (ctx) => (await settings.service.current(ctx)).noticeDays,
    generatedAppendices: () => appendixKinds,
    readsAcrossRequests,
  })
  const minutes = createMinutes({
    db,
    clock,
    audit,
    sources,
    bodies: bodies.service,
    meetings: meetings.service,
    councilName,
    trackedResolutions: () => (ctx, ids) => recommendations.service.trackedResolutions(ctx, ids),
    readsAcrossRequests,
  })
  const recommendations = createRecommendations({
    db,
    clock,
    audit,
    bodies: bodies.service,
    minutes: minutes.service,
    readsAcrossRequests,
  })
  const accounts = createAccounts({
    db,
    audit,
    sessions,
    bodies: bodies.service,
    councilName: (ctx) => settings.service.councilName(ctx),
  })
  const workProgramme = createWorkProgramme({
    db,
    audit,
    clock,
    bodies: bodies.service,
    meetings: meetings.service,
    readsAcrossRequests,
  })
  const decisions = createDecisions({
    db,
    clock,
    audit,
    bodies: bodies.service,
    meetings: meetings.service,
    workProgramme: workProgramme.service,
    settings: settings.service,
    baseUrl,
    readsAcrossRequests,
  })
  const waitingLists = createWaitingLists({ db, audit, readsAcrossRequests })
  const petitions = createPetitions({ db, audit, readsAcrossRequests })
  const improvement = createImprovement({ db, clock, audit, readsAcrossRequests })
  const indicators = createIndicators({
    db,
    clock,
    audit,
    workProgramme: workProgramme.service,
    improvement: improvement.service,
    readsAcrossRequests,
  })
  const temporaryStore = options.returnsStorePath ? undefined : join(tmpdir(), `oversight-returns-${randomUUID()}`)
  const returns = createReturns({
    db,
    clock,
    storePath: options.returnsStorePath ?? join(temporaryStore!, 'child-level.duckdb'),
    pseudonymKey: options.pseudonymKey,
    framework: indicators.service,
    settings: settings.service,
  })
  app.decorate('returns', returns.service)
  app.addHook('onClose', async () => {
    await returns.close()
    if (temporaryStore) await rm(temporaryStore, { recursive: true, force: true })
  })
  const appendixKinds = generatedAppendixKinds({
    clock,
    recommendations: recommendations.service,
    workProgramme: workProgramme.service,
    decisions: decisions.service.decisions,
    forwardPlan: decisions.service.forwardPlan,
    waitingLists: waitingLists.service,
    improvement: improvement.service,
    indicators: indicators.service,
  })
  const notifications = createNotifications({
    db,
    clock,
    baseUrl,
    updateRequestDays: async (ctx) => (await settings.service.current(ctx)).updateRequestDays,
    recommendationsWanted: (ctx, bodyId, on) => recommendations.service.updatesWanted(ctx, bodyId, on),
    milestonesWanted: (ctx, meeting, on) => improvement.service.updatesWanted(ctx, meeting, on),
    bodyBySlug: (ctx, slug) => bodies.service.getBody(ctx, slug),
    turnedRed: async (ctx, from, to) => [
      ...(await recommendations.service.turnedRed(ctx, from, to)),
      ...(await improvement.service.milestonesTurnedRed(ctx, from, to)),
    ],
    notify: options.notify,
  })
  const jobs = createJobRunner({ db, queue: createJobQueue(db), handlers: { ...notifications.jobs }, log: app.log })
  app.decorate('scheduled', {
    sendUpdateRequests: () => notifications.service.sendUpdateRequests(systemContext('scheduled messages')),
    sendOverdueDigest: () => notifications.service.sendOverdueDigest(systemContext('scheduled messages')),
    sendAlerts: () => notifications.service.sendAlerts(systemContext('scheduled messages')),
    runJobs: (now) => jobs.runDue(now),
    deleteExpiredExtracts: (now) => returns.service.deleteExpired(systemContext('retention of the returns'), now),
  })
  if (options.scheduledMessages) {
    let scheduler: ReturnType<typeof startScheduler> | undefined
    let jobLoop: ReturnType<typeof startJobLoop> | undefined
    let retention: ReturnType<typeof setInterval> | undefined
    app.addHook('onReady', async () => {
      scheduler = startScheduler(notifications.service, app.log)
      jobLoop = startJobLoop(jobs, app.log, options.jobIntervalMs ?? 10_000)
      retention = setInterval(
        () => {
          app.scheduled.deleteExpiredExtracts().then(
            (deleted) =>
              deleted &&
              app.log.info(`Deleted ${deleted} extract${deleted === 1 ? '' : 's'} of the returns past their retention`),
            (error: unknown) =>
              app.log.error(
                `Deleting expired extracts failed: ${error instanceof Error ? error.message : String(error)}`,
              ),
          )
        },
        60 * 60 * 1000,
      )
      retention.unref()
    })
    app.addHook('onClose', async () => {
      scheduler?.stop()
      clearInterval(retention)
      await scheduler?.running
      await jobLoop?.stop()
    })
  }
  const imports = createImports({ db, clock, bodies: bodies.service, meetings: meetings.service })
  const publishing = createPublishing({
    db,
    clock,
    bodies: bodies.service,
    meetings: meetings.service,
    baseUrl,
    apis: [
      bodies.api,
      minutes.api,
      recommendations.api,
      decisions.api,
      workProgramme.api,
      waitingLists.api,
      petitions.api,
      indicators.api,
      improvement.api,
    ],
  })

  await app.register(healthRoutes({ db, kind: options.dbKind, version: options.version ?? '0.0.0' }))
  const passwordSignIn = options.passwordSignIn ?? true
  await app.register(authRoutes({ db, sessions, cookieSecure: options.cookieSecure, oidc, passwordSignIn, baseUrl }))
  await app.register(oidcRoutes({ db, sessions, cookieSecure: options.cookieSecure, oidc }))
  // The body page, before a meeting: the agenda, what needs attention, and what is coming.
  const bodySections = [
    nextAgendaSection(meetings.service),
    recommendationsSection(recommendations.service),
    decisionsSection(decisions.service.decisions),
    forwardPlanSection(decisions.service.forwardPlan),
    workProgrammeSection(workProgramme.service, clock),
    participationSection(meetings.service, {
      petitionsPresented: (ctx, bodyId) => petitions.service.presentedTo(ctx, bodyId),
      municipalYears: (ctx) => settings.service.municipalYears(ctx),
    }),
  ]
  await app.register(bodies.routes)
  await app.register(meetings.routes)
  await app.register(minutes.routes)
  await app.register(recommendations.routes)
  await app.register(decisions.routes)
  await app.register(workProgramme.routes)
  await app.register(waitingLists.routes)
  await app.register(petitions.routes)
  await app.register(indicators.routes)
  await app.register(returns.routes)
  await app.register(improvement.routes)
  await app.register(accounts.routes)
  await app.register(settings.routes)
  await app.register(imports.routes)
  await app.register(notifications.routes)
  await app.register(
    backupRoutes(createBackupsService({ db, now: () => clock.now(), warnDays: options.backupWarnDays ?? 7 })),
  )
  await app.register(publishing.routes)
  // The open data API and its OpenAPI document, made from the zod schemas its routes declare.
  await app.register(publishing.api)
  return app
}
