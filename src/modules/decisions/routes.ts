import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, fieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { exemptValues } from '#src/platform/exemption/form.ts'
import { paragraphItems } from '#src/platform/exemption/schedule-12a.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues, rawQuery, selectItems } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { bodyDecisionsIntro, bodyDecisionsPaperOf } from './decisions-paper.ts'
import { documentPath } from './document-view.ts'
import type { DecisionDocumentRow, DecisionRow } from './repository.ts'
import {
  CALL_IN_STATUSES,
  CALL_IN_STATUS_LABELS,
  FIELD_IDS,
  decisionSchema,
  documentSchema,
  registerQuerySchema,
  sinceQuerySchema,
} from './schema.ts'
import type { DecisionsService } from './service.ts'

const views = 'modules/decisions/views'

const callInItems = CALL_IN_STATUSES.map((value) => ({ value, text: CALL_IN_STATUS_LABELS[value] }))

function decisionValues(decision: DecisionRow): FormValues {
  return {
    ...decision,
    number: decision.number ?? '',
    taker: decision.takerBodyId ? `body:${decision.takerBodyId}` : `person:${decision.takerPersonId}`,
    parts: decision.parts.join('\n'),
    keyDecision: decision.keyDecision ? 'yes' : 'no',
    ...dateValues('decidedOn', decision.decidedOn),
    ...dateValues('publishedOn', decision.publishedOn),
    ...dateValues('effectiveOn', decision.effectiveOn),
    ...versionValue(decision),
  }
}

function documentValues(document: DecisionDocumentRow): FormValues {
  return {
    ...document,
    url: document.url ?? '',
    ...exemptValues(document),
  }
}

const bySlug = { schema: { params: pathParams('slug') } }

/** The page's period as a query string for its downloads: the same decisions as the page shows. */
function paperQuery(view: { since: string | null; on: string }): string {
  const params = new URLSearchParams()
  if (view.since) params.set('since', view.since)
  params.set('on', view.on)
  return params.toString()
}
/** A document's number in an address, 1 to 9999: anything else names no document (404). */
const byDocument = {
  schema: {
    params: z.object({
      slug: z.string(),
      number: z
        .string()
        .regex(/^[1-9]\d{0,3}$/)
        .transform(Number),
    }),
  },
}
const decisionPost = { schema: decisionSchema, dates: ['decidedOn', 'publishedOn', 'effectiveOn'], ids: FIELD_IDS }
const documentPost = { schema: documentSchema, dates: ['exemptReviewOn'], ids: FIELD_IDS }

/**
 * The decisions register, a decision and its documents, their forms, the Atom feed and a committee's view.
 * `baseUrl`: the site's configured public address for the feed's links, never the request's Host header.
 */
export function decisionsRoutes(deps: { service: DecisionsService; audit: AuditReader; baseUrl: string }) {
  const { service, audit, baseUrl: origin } = deps

  async function decisionForm(
    ctx: Context,
    reply: FastifyReply,
    decision: DecisionRow | null,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const [takers, hints] = await Promise.all([
      service.takerChoices(ctx, decision?.takerPersonId),
      service.formHints(ctx),
    ])
    const takerItems = selectItems(
      'Select who took the decision',
      takers.map((t) => ({ value: `${t.kind}:${t.id}`, text: t.label })),
      values.taker,
    )
    const data = { decision, values, takerItems, callInItems, hints, ...errors }
    return reply.page(`${views}/decision-form.njk`, data, formStatus(errors))
  }

  function documentForm(
    reply: FastifyReply,
    decision: DecisionRow,
    document: DecisionDocumentRow | null,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const data = { decision, document, values, paragraphItems: paragraphItems(values.exemptParagraph), ...errors }
    return reply.page(`${views}/document-form.njk`, data, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/decisions', { schema: { querystring: registerQuerySchema } }, async (request, reply) => {
      const filter = request.query
      const register = await service.register(request.ctx, filter)
      return reply.page(`${views}/register.njk`, { ...register, filter, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/decisions.atom', async (request, reply) => {
      const decisions = await service.newest(request.ctx)
      const { atomFeed } = await import('./atom-feed.ts') // loaded when first asked for
      const feed = atomFeed({
        title: 'Decisions',
        selfUrl: `${origin}/decisions.atom`,
        pageUrl: `${origin}/decisions`,
        now: new Date(),
        entries: decisions.map((d) => ({
          url: `${origin}${d.url}`,
          title: d.number ? `${d.number}: ${d.title}` : d.title,
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
      return decisionForm(request.ctx, reply, null, { callInStatus: 'none' })
    })

    app.post('/decisions', async (request, reply) => {
      assertCan(request.user, 'decisions:edit')
      return submitForm(request, reply, {
        ...decisionPost,
        confirmation: 'Decision added',
        save: (input) => service.createDecision(request.ctx, input),
        render: (values, errors) => decisionForm(request.ctx, reply, null, values, errors),
        redirect: (decision) => `/decisions/${decision.slug}`,
      })
    })

    app.get('/decisions/:slug', bySlug, async (request, reply) => {
      const decision = await service.getDecision(request.ctx, request.params.slug)
      const history = await audit.historyOf(request.ctx, 'decision', decision.id)
      return reply.page(`${views}/decision.njk`, { decision, history, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/decisions/:slug/edit', bySlug, async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, request.params.slug)
      return decisionForm(request.ctx, reply, decision, decisionValues(decision))
    })

    app.post('/decisions/:slug/edit', bySlug, async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        ...decisionPost,
        confirmation: 'Decision updated',
        save: (input, version) => service.updateDecision(request.ctx, decision.id, version, input),
        render: (values, errors) => decisionForm(request.ctx, reply, decision, values, errors),
        redirect: (saved) => `/decisions/${saved.slug}`,
      })
    })

    app.get('/decisions/:slug/documents/new', bySlug, async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, request.params.slug)
      return documentForm(reply, decision, null, {})
    })

    app.post('/decisions/:slug/documents', bySlug, async (request, reply) => {
      const decision = await service.decisionToEdit(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        ...documentPost,
        confirmation: 'Document added',
        save: (input) => service.addDocument(request.ctx, decision.id, input),
        render: (values, errors) => documentForm(reply, decision, null, values, errors),
        redirect: () => `/decisions/${decision.slug}#documents`,
      })
    })

    app.get('/decisions/:slug/documents/:number', byDocument, async (request, reply) => {
      const { slug, number } = request.params
      const { decision, document } = await service.getDocument(request.ctx, slug, number)
      return reply.page(`${views}/document.njk`, { decision, document, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/decisions/:slug/documents/:number/edit', byDocument, async (request, reply) => {
      const { slug, number } = request.params
      const { decision, document } = await service.documentToEdit(request.ctx, slug, number)
      return documentForm(reply, decision, document, documentValues(document))
    })

    app.post('/decisions/:slug/documents/:number/edit', byDocument, async (request, reply) => {
      const { slug, number } = request.params
      const { decision, document } = await service.documentToEdit(request.ctx, slug, number)
      return submitForm(request, reply, {
        ...documentPost,
        confirmation: 'Document updated',
        save: (input) => service.updateDocument(request.ctx, decision.id, document.number, input),
        render: (values, errors) => documentForm(reply, decision, document, values, errors),
        redirect: () => documentPath(decision.slug, document.number),
      })
    })

    const sinceSchema = { params: pathParams('slug'), querystring: rawQuery }
    app.get('/bodies/:slug/decisions', { schema: sinceSchema }, async (request, reply) => {
      const parsed = sinceQuerySchema.safeParse(request.query)
      const errors = parsed.success ? noErrors : fieldErrors(parsed.error.issues)
      const view = await service.forBody(request.ctx, request.params.slug, parsed.data?.since, parsed.data?.on)
      if (parsed.data?.format) {
        const basename = `${view.body.slug}-decisions-${view.on}`
        return reply.paper(bodyDecisionsPaperOf(view), parsed.data.format, basename)
      }
      const since = parsed.success ? (view.since ?? '') : request.query.since
      const data = {
        ...view,
        intro: bodyDecisionsIntro(view),
        sinceValue: since,
        onValue: parsed.data?.on,
        downloads: paperQuery(view),
        ...errors,
      }
      return reply.page(`${views}/body-decisions.njk`, data, formStatus(errors))
    })
  }
}
