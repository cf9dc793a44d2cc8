import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { ImprovementService } from './service.ts'

/** GET /api/v1/inspections and GET /api/v1/improvement-plans/{id}: the golden thread as open data. */
export function improvementApi(deps: { service: ImprovementService }) {
  const publicContext = { user: null, requestId: 'api' }
  return async function (app: FastifyInstance) {
    app.get('/api/v1/inspections', async (_request, reply) => {
      const inspections = await deps.service.inspectionsForApi()
      reply.header('cache-control', 'public, max-age=60')
      return {
        inspections: inspections.map(({ inspection, findings }) => ({
          id: inspection.id,
          slug: inspection.slug,
          title: inspection.title,
          kind: inspection.kind,
          inspectorates: inspection.inspectorates,
          startedOn: inspection.startedOn,
          endedOn: inspection.endedOn,
          publishedOn: inspection.publishedOn,
          overallJudgement: inspection.overallJudgement,
          url: `/inspections/${inspection.slug}`,
          findings: findings.map((f) => ({
            id: f.id,
            kind: f.kind,
            number: f.number,
            text: f.text,
            actionIds: f.actionIds,
          })),
        })),
      }
    })

    app.get('/api/v1/improvement-plans/:id', async (request, reply) => {
      const { id } = request.params as { id: string }
      const plans = await deps.service.listPlans(publicContext)
      const plan = plans.find((p) => p.id === id || p.slug === id)
      if (!plan) throw new NotFoundError('Improvement plan')
      const view = await deps.service.plan(publicContext, plan.slug)
      reply.header('cache-control', 'public, max-age=60')
      return {
        id: plan.id,
        slug: plan.slug,
        title: plan.title,
        owner: plan.owner || null,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        version: plan.version,
        url: `/improvement-plans/${plan.slug}`,
        themes: view.themes.map((theme) => ({
          number: theme.number,
          title: theme.title,
          lead: theme.lead || null,
          actions: theme.actions.map((action) => ({
            id: action.id,
            reference: action.reference,
            title: action.title,
            leads: action.leads.map((lead) => lead.name),
            findingIds: action.findingIds,
            rag: action.rag,
            milestones: action.milestones.map((m) => ({
              id: m.id,
              text: m.text,
              dueDate: m.dueOn,
              status: m.status,
              completedOn: m.completedOn,
              rag: m.rag,
              stale: m.stale,
            })),
          })),
        })),
      }
    })
  }
}
