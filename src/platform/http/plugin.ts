import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { join } from 'node:path'
import { can } from '#src/platform/auth/permissions.ts'
import type { SessionStore } from '#src/platform/auth/sessions.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { EditConflictView } from '#src/platform/forms/edit-version.ts'
import { govukFrontendDir, mojFrontendDir, registerViews } from '#src/platform/views/environment.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { GeneratedPaper } from '#src/platform/papers/paper.ts'
import { type PaperFormat, sendPaper } from '#src/platform/papers/send.ts'
import { asBadRequest, registerInputGuards } from './bad-input.ts'
import { registerOpenData } from './open-data.ts'
import { registerPageBytes } from './page-bytes.ts'
import { registerPublicCache } from './public-cache.ts'
import { registerConfirmations } from './confirmation.ts'
import { cookieName, registerSecurity } from './security.ts'
import { keepReads } from '#src/platform/request-reads.ts'
import type { Context } from '#src/platform/auth/user.ts'
import './types.ts'

export interface HttpPlatformOptions {
  sessions: SessionStore
  clock: Clock
  cookieSecure: boolean
  /** Requests per minute per address before 429; generous, it guards against floods. */
  rateLimitPerMinute?: number
  /** Serve signed-out GETs from memory until the data changes (see public-cache.ts). */
  publicCache?: boolean
  /** The council's name (a council setting) for the footer of every page, read without a query. */
  councilName?: () => string | null
  /** Reads the council's name again if the data has changed since it was read (see councilName). */
  freshCouncilName?: (ctx: Context) => Promise<void>
  /** The site's public address (OVERSIGHT_BASE_URL), for the open data API's `next` links. */
  baseUrl: string
  /** Other sites a form may lead to, by a redirect after it is sent (the CSP's form-action). */
  formActions?: string[]
}

export const SESSION_COOKIE = 'session'

/** Everything every page needs: security, forms, assets, views, the signed-in user, error pages. */
export async function registerHttpPlatform(app: FastifyInstance, options: HttpPlatformOptions) {
  await registerSecurity(app, { cookieSecure: options.cookieSecure, formActions: options.formActions })
  await app.register(formbody)
  await app.register(rateLimit, { max: options.rateLimitPerMinute ?? 6000, timeWindow: '1 minute' })
  await app.register(fastifyStatic, {
    root: join(govukFrontendDir, 'govuk', 'assets'),
    prefix: '/assets/',
    maxAge: '1d',
  })
  await app.register(fastifyStatic, {
    root: [join(govukFrontendDir, 'govuk'), join(mojFrontendDir, 'moj')],
    prefix: '/vendor/',
    decorateReply: false,
    allowedPath: (path) => /\.(css|js|mjs|map)$/.test(path) || path.startsWith('/assets/'),
    maxAge: '1d',
  })
  await app.register(fastifyStatic, {
    root: join(import.meta.dirname, '..', 'views', 'static'),
    prefix: '/static/',
    decorateReply: false,
    maxAge: '1h',
  })
  await registerViews(app, { serviceName: 'Oversight' })

  const sessionCookie = cookieName(SESSION_COOKIE, options.cookieSecure)
  app.decorateRequest('user', null)
  app.decorateRequest('ctx', null as never)
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[sessionCookie]
    request.user = token ? await options.sessions.resolve(token) : null
    request.ctx = {
      user: request.user,
      requestId: request.id,
      ...(options.clock.pinned ? { appToday: options.clock.today() } : {}),
    }
    // A GET changes nothing, so what it reads holds for the whole request (request-reads.ts).
    if (request.method === 'GET' || request.method === 'HEAD') keepReads(request.ctx)
    await options.freshCouncilName?.(request.ctx)
  })
  registerInputGuards(app)
  if (options.publicCache) registerPublicCache(app, { today: () => options.clock.today() })
  registerPageBytes(app)
  registerOpenData(app, { baseUrl: options.baseUrl })

  const confirmations = registerConfirmations(app, { cookieSecure: options.cookieSecure })
  app.decorateReply('page', function (this: FastifyReply, template: string, data = {}, status = 200) {
    const request = this.request
    const user = request.user
    const clock = options.clock
    // Made only when the page shows a form: a token costs a secret, a hash and (the first time) a cookie,
    // and most pages have no form for most of their readers.
    const csrfToken = whenShown(() => this.generateCsrf())
    const nonce = (this as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script
    this.code(status).header('cache-control', 'no-store')
    logRefusedEdit(request, (data as { editConflict?: EditConflictView }).editConflict)
    return this.view(template, {
      ...data,
      user,
      csrfToken,
      cspNonce: nonce,
      currentPath: request.url.split('?')[0],
      demoToday: clock.pinned ? longDate(clock.today()) : null,
      canAdmin: can(user, 'accounts:manage'),
      councilName: options.councilName?.() ?? null,
      confirmation: status === 200 ? confirmations.take(request, this) : null,
    })
  })

  // A generated paper's author is the council, as on the pages' footer; a page's paper is never cached.
  app.decorateReply(
    'paper',
    function (this: FastifyReply, paper: GeneratedPaper, format: PaperFormat, basename: string) {
      this.header('cache-control', 'no-store')
      const author = options.councilName?.() ?? 'Oversight'
      return sendPaper(this, { ...paper, author }, format, basename)
    },
  )

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found', statusCode: 404 })
    return reply.page('platform/views/errors/not-found.njk', {}, 404)
  })

  app.setErrorHandler((thrown: Error & { statusCode?: number; validationContext?: string }, request, reply) => {
    // Input the service cannot use answers 400, logged as information rather than as a failure.
    const badRequest = asBadRequest(thrown, request)
    if (badRequest && badRequest !== thrown) request.log.info({ err: thrown }, 'request refused as bad input')
    const error = badRequest ?? thrown
    // An address whose path parameters its route's schema refuses names nothing, as any unknown address.
    const status = thrown.validationContext === 'params' ? 404 : (error.statusCode ?? 500)
    if (status === 401) {
      const returnTo = encodeURIComponent(request.url)
      return reply.redirect(`/sign-in?returnTo=${returnTo}`, 303)
    }
    if (status === 404) {
      if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found', statusCode: 404 })
      return reply.page('platform/views/errors/not-found.njk', {}, 404)
    }
    if (status === 403) {
      if (error.message.toLowerCase().includes('csrf')) return errorPage(request, reply, 403, 'csrf')
      return errorPage(request, reply, 403, 'forbidden')
    }
    if (status === 429) return errorPage(request, reply, 429, 'busy')
    if (status >= 400 && status < 500) return errorPage(request, reply, status, badRequest?.kind ?? 'bad-request')
    request.log.error({ err: error }, 'request failed')
    return errorPage(request, reply, 500, 'problem')
  })
}

/**
 * A save refused because someone else changed the record first is a refused change, not a change:
 * it leaves no audit event, only this line, written as the form is shown again.
 */
function logRefusedEdit(request: FastifyRequest, conflict: EditConflictView | undefined) {
  if (!conflict) return
  request.log.warn(
    {
      subjectType: conflict.subjectType,
      subjectId: conflict.subjectId,
      recordId: conflict.recordId,
      expectedVersion: conflict.expected,
      currentVersion: conflict.current,
      userId: request.user?.id,
    },
    'edit refused: changed by someone else',
  )
}

function errorPage(request: FastifyRequest, reply: FastifyReply, status: number, kind: string) {
  if (request.url.startsWith('/api/')) {
    return reply.code(status).send({ error: kind, statusCode: status })
  }
  return reply.page('platform/views/errors/error.njk', { kind }, status)
}

/**
 * A value that templates show as text, made the first time it is shown and the same every time after:
 * Nunjucks shows a value by its `toString`.
 */
function whenShown(make: () => string): { toString(): string } {
  let made: string | undefined
  return { toString: () => (made ??= make()) }
}
