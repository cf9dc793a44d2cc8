import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Context } from '#src/platform/auth/user.ts'
import { invalidQuery } from '#src/platform/http/api-errors.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { planQuerySchema } from './forward-plan/schema.ts'
import type { ForwardPlanService } from './forward-plan/service.ts'
import type { DocumentView } from './document-view.ts'
import type { DecisionsService } from './service.ts'

/** A withheld document: its label, title and paragraph; never a link or any of its text. */
function documentForApi(document: DocumentView) {
  if (document.withheld)
    return { label: document.label, title: document.title, exempt: { paragraph: document.exempt!.paragraph } }
  return { label: document.label, title: document.title, url: document.href }
}

/**
 * The open data: GET /api/v1/decisions and GET /api/v1/forward-plan. Both answer as they would to the
 * public, whoever asks.
 */
export function decisionsApi(deps: { decisions: DecisionsService; forwardPlan: ForwardPlanService }) {
  const publicContext = (request: FastifyRequest): Context => ({ user: null, requestId: request.id })

  return async function (app: FastifyInstance) {
    app.get('/api/v1/decisions', async (request, reply) => {
      const decisions = await deps.decisions.forApi(publicContext(request))
      reply.header('cache-control', 'public, max-age=60')
      return {
        decisions: decisions.map((d) => ({
          number: d.number,
          title: d.title,
          date: d.decidedOn,
          decisionTaker: d.taker.label,
          keyDecision: d.keyDecision,
          decision: d.parts,
          publishedOn: d.publishedOn,
          callInDeadline: d.callInDeadline,
          callInStatus: d.callInStatus,
          url: d.url,
          documents: d.documents.map(documentForApi),
        })),
      }
    })

    app.get('/api/v1/forward-plan', async (request, reply) => {
      const parsed = planQuerySchema.safeParse(request.query ?? {})
      if (!parsed.success) {
        return reply.code(400).send(invalidQuery(parsed.error.issues))
      }
      let found
      try {
        found = await deps.forwardPlan.getPlan(publicContext(request), parsed.data.plan)
      } catch (error) {
        if (error instanceof NotFoundError && !parsed.data.plan) return { plan: null, items: [] }
        throw error
      }
      const { plan, items } = found
      reply.header('cache-control', 'public, max-age=60')
      return {
        plan: {
          title: plan.title,
          periodFrom: plan.periodFrom,
          periodTo: plan.periodTo,
          publishedOn: plan.publishedOn,
          url: plan.url,
        },
        items: items.map((item) => ({
          reference: item.reference,
          matter: item.matter,
          decisionTaker: item.decisionTaker,
          cabinetMember: item.cabinetMember ? item.cabinetMember.name : null,
          anticipated: { month: item.anticipatedMonth, date: item.anticipatedOn },
          consultation: item.consultation || null,
          representations: item.representations || null,
          documents: item.documents || null,
          responsibleOfficer: item.responsibleOfficer || null,
          isNew: item.isNew,
          private: item.private ? { paragraph: item.private.paragraph } : null,
          url: item.url,
        })),
      }
    })
  }
}
