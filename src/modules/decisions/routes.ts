import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, fieldErrors, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { dateParts, joinDateParts } from '#src/platform/forms/fields.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { atomFeed } from './atom-feed.ts'
import { documentPath } from './document-view.ts'
import type { DecisionDocumentRow, DecisionRow } from './repository.ts'
import {
  CALL_IN_STATUSES,
  CALL_IN_STATUS_LABELS,
  FIELD_IDS,
  decisionSchema,
  documentSchema,
  paragraphItems,
  registerQuerySchema,
  sinceQuerySchema,
} from './schema.ts'
import type { DecisionsService } from './service.ts'

const views = 'modules/decisions/views'
type Values = Record<string, unknown>

const callInItems = CALL_IN_STATUSES.map((value) => ({ value, text: CALL_IN_STATUS_LABELS[value] }))

const dateValues = (name: string, value: string | null) => {
  const parts = dateParts(value)
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year }
}

function decisionValues(decision: DecisionRow): Values {
  return {
    ...decision,
    taker: decision.takerBodyId ? `body:${decision.takerBodyId}` : `person:${decision.takerPersonId}`,
    parts: decision.parts.join('\n'),
    keyDecision: decision.keyDecision ? 'yes' : 'no',
    ...dateValues('decidedOn', decision.decidedOn),
    ...dateValues('publishedOn', decision.publishedOn),
    ...versionValue(decision),
  }
}

function documentValues(document: DecisionDocumentRow): Values {
  return {
    ...document,
    url: document.url ?? '',
    exempt: document.exemptParagraph ? 'yes' : 'no',
    exemptParagraph: document.exemptParagraph ?? '',
    exemptReason: document.exemptReason ?? '',
    ...dateValues('exemptReviewOn', document.exemptReviewOn),
  }
}

const withDates = (body: unknown, names: string[]) => {
  const values = { ...((body ?? {}) as Values) }
  for (const name of names) values[name] = joinDateParts(values, name)
  return values
}

function documentNumber(request: FastifyRequest) {
  const { number } = request.params as { number: string }
  if (!/^[1-9]\d{0,3}$/.test(number)) throw new NotFoundError('Document')
  return Number(number)
}

const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug

/**
 * The decisions register, a decision and its documents, their forms, the Atom feed and a committee's view.
 * `baseUrl`: the site's configured public address for the feed's links, never the request's Host header.
 */
export function decisionsRoutes(deps: { service: DecisionsService; audit: AuditReader; baseUrl: string }) {
  const { service, audit, baseUrl: origin } = deps

  async function decisionForm(
    request: FastifyRequest,
    reply: FastifyReply,
    decision: DecisionRow | null,
    values: Values,
    errors: FieldErrors = noErrors,
  ) {
    const takers = await service.takerChoices(request.ctx, decision?.takerPersonId)
    const takerItems = [
      { value: '', text: 'Select who took the decision' },
      ...takers.map((t) => ({
        value: `${t.kind}:${t.id}`,
        text: t.label,
        selected: values.taker === `${t.kind}:${t.id}`,
      })),
    ]
    const data = { decision, values, takerItems, callInItems, ...errors }
    return reply.page(`${views}/decision-form.njk`, data, formStatus(errors))
  }

  function documentForm(
    reply: FastifyReply,
    decision: DecisionRow,
    document: DecisionDocumentRow | null,
    values: Values,
    errors: FieldErrors = noErrors,
  ) {
    const data = { decision, document, values, paragraphItems: paragraphItems(values.exemptParagraph), ...errors }
    return reply.page(`${views}/document-form.njk`, data, errors === noErrors ? 200 : 400)
  }

  return async function (app: FastifyInstance) {
    app.get('/decisions', async (request, reply) => {
      const filter = registerQuerySchema.parse(request.query ?? {})
      const register = await service.register(request.ctx, filter)
      return reply.page(`${views}/register.njk`, { ...register, filter, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/decisions.atom', async (request, reply) => {
      const decisions = await service.newest(request.ctx)
      const feed = atomFeed({
        title: 'Executive and Cabinet Member decisions',
        selfUrl: `${origin}/decisions.atom`,
        pageUrl: `${origin}/decisions`,
        now: new Date(),
        entries: decisions.map((d) => ({
          url: `${origin}${d.url}`,
          title: `${d.number}: ${d.title}`,
          updated: d.updatedAt,
          published: d.decidedOn,
          summary: d.parts.map((part, i) => `${i + 1}. ${part}`).join(' '),
          author: d.taker.label,
        })),
      })
      return reply
        .header('content-type', 'application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(feed)
    })

    app.get('/decisions/new', async (request, reply) => {
      assertCan(request.user, 'decisions:edit')
      return decisionForm(request, reply, null, { callInStatus: 'none' })
    })

    app.post('/decisions', async (request, reply) => {
      assertCan(request.user, 'decisions:edit')
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(decisionSchema, withDates(values, ['decidedOn', 'publishedOn']), FIELD_IDS)
      const result = parsed.ok ? await attempt(() => service.createDecision(request.ctx, parsed.value)) : parsed
      if (!result.ok) return decisionForm(request, reply, null, values, result)
      return reply.redirect(`/decisions/${result.value.slug}`, 303)
    })

    app.get('/decisions/:slug', async (request, reply) => {
      const decision = await service.getDecision(request.ctx, slugOf(request))
      const history = await audit.historyOf(request.ctx, 'decision', decision.id)
      return reply.page(`${views}/decision.njk`, { decision, history, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/decisions/:slug/edit', async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, slugOf(request))
      return decisionForm(request, reply, decision, decisionValues(decision))
    })

    app.post('/decisions/:slug/edit', async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, slugOf(request))
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(decisionSchema, withDates(values, ['decidedOn', 'publishedOn']), FIELD_IDS)
      const result = parsed.ok
        ? await attempt(() => service.updateDecision(request.ctx, decision.id, submittedVersion(values), parsed.value))
        : parsed
      if (!result.ok) return decisionForm(request, reply, decision, values, result)
      return reply.redirect(`/decisions/${result.value.slug}`, 303)
    })

    app.get('/decisions/:slug/documents/new', async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, slugOf(request))
      return documentForm(reply, decision, null, {})
    })

    app.post('/decisions/:slug/documents', async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, slugOf(request))
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(documentSchema, withDates(values, ['exemptReviewOn']), FIELD_IDS)
      const result = parsed.ok
        ? await attempt(() => service.addDocument(request.ctx, decision.id, parsed.value))
        : parsed
      if (!result.ok) return documentForm(reply, decision, null, values, result)
      return reply.redirect(`/decisions/${decision.slug}#documents`, 303)
    })

    app.get('/decisions/:slug/documents/:number', async (request, reply) => {
      const { decision, document } = await service.getDocument(request.ctx, slugOf(request), documentNumber(request))
      return reply.page(`${views}/document.njk`, { decision, document, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/decisions/:slug/documents/:number/edit', async (request, reply) => {
      const { decision, document } = await service.documentToEdit(request.ctx, slugOf(request), documentNumber(request))
      return documentForm(reply, decision, document, documentValues(document))
    })

    app.post('/decisions/:slug/documents/:number/edit', async (request, reply) => {
      const { decision, document } = await service.documentToEdit(request.ctx, slugOf(request), documentNumber(request))
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(documentSchema, withDates(values, ['exemptReviewOn']), FIELD_IDS)
      const result = parsed.ok
        ? await attempt(() => service.updateDocument(request.ctx, decision.id, document.number, parsed.value))
        : parsed
      if (!result.ok) return documentForm(reply, decision, document, values, result)
      return reply.redirect(documentPath(decision.slug, document.number), 303)
    })

    app.get('/bodies/:slug/decisions', async (request, reply) => {
      const query = (request.query ?? {}) as Values
      const parsed = sinceQuerySchema.safeParse(query)
      const errors = parsed.success ? noErrors : fieldErrors(parsed.error.issues)
      const view = await service.forBody(request.ctx, slugOf(request), parsed.success ? parsed.data.since : undefined)
      const since = parsed.success ? (view.since ?? '') : String(query.since ?? '')
      return reply.page(
        `${views}/body-decisions.njk`,
        { ...view, sinceValue: since, ...errors },
        parsed.success ? 200 : 400,
      )
    })
  }
}
