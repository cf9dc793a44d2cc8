import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { dateParts, joinDateParts } from '#src/platform/forms/fields.ts'
import { actionSchema, milestoneSchema, sinceSchema, updateSchema, versionSchema } from './schema.ts'
import type { ImprovementService } from './service.ts'
import { MILESTONE_STATUSES } from './tables.ts'

const views = 'modules/improvement/views'
type Values = Record<string, unknown>
const params = (request: FastifyRequest) => request.params as { slug: string; reference?: string; id?: string }
const statusItems = [
  { value: '', text: 'No change' },
  ...MILESTONE_STATUSES.map((value) => ({ value, text: value.replace(/^./, (c) => c.toUpperCase()) })),
]

/** Inspections, improvement plans, actions, "my actions" and the forms that change them. */
export function improvementRoutes(deps: { service: ImprovementService; audit: AuditReader }) {
  const { service, audit } = deps

  async function actionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors & { milestoneId?: string; values?: Values } = noErrors,
  ) {
    const { slug, reference } = params(request)
    const view = await service.action(request.ctx, slug, reference!)
    const history = await audit.historyOf(request.ctx, 'improvement plan', view.plan.id)
    return reply.page(
      `${views}/action.njk`,
      { ...view, history, statusItems, todayParts: dateParts(view.today), ...errors },
      errors === noErrors ? 200 : 400,
    )
  }

  async function myActionsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors & { milestoneId?: string; values?: Values } = noErrors,
  ) {
    const mine = await service.myActions(request.ctx)
    return reply.page(
      `${views}/my-actions.njk`,
      { ...mine, statusItems, todayParts: dateParts(mine.today), ...errors },
      errors === noErrors ? 200 : 400,
    )
  }

  async function ownerForm(
    request: FastifyRequest,
    reply: FastifyReply,
    template: string,
    values: Values,
    errors: FieldErrors = noErrors,
  ) {
    const { slug, reference } = params(request)
    const view = reference
      ? await service.action(request.ctx, slug, reference)
      : { ...(await service.plan(request.ctx, slug)), action: null }
    if (!service.isOwner(request.ctx, view.plan)) assertCan(request.user, 'improvement:edit-any')
    return reply.page(`${views}/${template}`, { ...view, values, ...errors }, errors === noErrors ? 200 : 400)
  }

  return async function (app: FastifyInstance) {
    app.get('/inspections', async (request, reply) => {
      const inspections = await service.listInspections(request.ctx)
      return reply.page(`${views}/inspections.njk`, { inspections })
    })

    app.get('/inspections/:slug', async (request, reply) => {
      return reply.page(`${views}/inspection.njk`, await service.inspection(request.ctx, params(request).slug))
    })

    app.get('/improvement-plans', async (request, reply) => {
      const plans = await service.listPlans(request.ctx)
      return reply.page(`${views}/plans.njk`, { plans })
    })

    app.get('/improvement-plans/:slug', async (request, reply) => {
      const view = await service.plan(request.ctx, params(request).slug)
      const history = await audit.historyOf(request.ctx, 'improvement plan', view.plan.id)
      return reply.page(`${views}/plan.njk`, { ...view, history, isOwner: service.isOwner(request.ctx, view.plan) })
    })

    app.get('/improvement-plans/:slug/since', async (request, reply) => {
      const query = (request.query ?? {}) as Values
      const joined = joinDateParts(query, 'from')
      const { from } = sinceSchema.catch({ from: undefined }).parse({ from: joined || query.from })
      const base = await service.plan(request.ctx, params(request).slug)
      const start = from ?? base.lastConsideredOn ?? base.plan.startsOn ?? '2000-01-01'
      const report = await service.since(request.ctx, params(request).slug, start)
      return reply.page(`${views}/since.njk`, { ...report, fromParts: dateParts(start) })
    })

    app.get('/improvement-plans/:slug/actions/:reference', (request, reply) => actionPage(request, reply))

    app.post('/improvement-plans/milestones/:id/updates', async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const values = (request.body ?? {}) as Values
      const milestoneId = params(request).id!
      const parsed = parseForm(
        updateSchema,
        { ...values, onDate: joinDateParts(values, 'onDate') },
        { onDate: `onDate-${milestoneId}-day`, text: `text-${milestoneId}`, status: `status-${milestoneId}` },
      )
      const result = parsed.ok
        ? await attempt(() => service.updateMilestone(request.ctx, milestoneId, parsed.value))
        : parsed
      const back = String(values.returnTo ?? '')
      const [, slug, reference] = /^\/improvement-plans\/([a-z0-9-]+)\/actions\/([0-9A-Za-z.]+)$/.exec(back) ?? []
      if (!result.ok) {
        // The form is shown again where it was, with its errors beside the milestone's fields.
        const errors = { ...result, milestoneId, values }
        if (slug && reference) {
          ;(request.params as Record<string, string>).slug = slug
          ;(request.params as Record<string, string>).reference = reference
          return actionPage(request, reply, errors)
        }
        return myActionsPage(request, reply, errors)
      }
      return reply.redirect(`${slug && reference ? back : '/my/actions'}#milestone-${milestoneId}`, 303)
    })

    app.get('/my/actions', (request, reply) => myActionsPage(request, reply))

    app.get('/improvement-plans/:slug/actions/:reference/milestones/new', (request, reply) =>
      ownerForm(request, reply, 'milestone-form.njk', {}),
    )

    app.post('/improvement-plans/:slug/actions/:reference/milestones', async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const values = (request.body ?? {}) as Values
      const { slug, reference } = params(request)
      const parsed = parseForm(
        milestoneSchema,
        { ...values, dueOn: joinDateParts(values, 'dueOn') },
        { dueOn: 'dueOn-day' },
      )
      const result = parsed.ok
        ? await attempt(() => service.addMilestone(request.ctx, slug, reference!, parsed.value))
        : parsed
      if (!result.ok) return ownerForm(request, reply, 'milestone-form.njk', values, result)
      return reply.redirect(`/improvement-plans/${slug}/actions/${reference}#milestone-${result.value.id}`, 303)
    })

    app.post('/improvement-plans/:slug/actions/:reference/updates', async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const values = (request.body ?? {}) as Values
      const { slug, reference } = params(request)
      const parsed = parseForm(
        updateSchema,
        { ...values, onDate: joinDateParts(values, 'onDate'), status: '' },
        { onDate: 'onDate-action-day', text: 'text-action' },
      )
      const result = parsed.ok
        ? await attempt(() => service.updateAction(request.ctx, slug, reference!, parsed.value))
        : parsed
      if (!result.ok) return actionPage(request, reply, { ...result, milestoneId: 'action', values })
      return reply.redirect(`/improvement-plans/${slug}/actions/${reference}#action-updates`, 303)
    })

    const milestoneForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Values | null,
      errors: FieldErrors = noErrors,
    ) => {
      const { slug, id } = params(request)
      const { plan, milestone } = await service.milestoneToEdit(request.ctx, slug, id!)
      const shown = values ?? {
        text: milestone.text,
        dueNote: milestone.dueNote,
        ...Object.fromEntries(Object.entries(dateParts(milestone.dueOn)).map(([k, v]) => [`dueOn-${k}`, v])),
        ...versionValue(milestone),
      }
      return reply.page(
        `${views}/milestone-edit.njk`,
        { plan, milestone, values: shown, ...errors },
        formStatus(errors),
      )
    }

    app.get('/improvement-plans/:slug/milestones/:id/edit', (request, reply) => milestoneForm(request, reply, null))

    app.post('/improvement-plans/:slug/milestones/:id/edit', async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const values = (request.body ?? {}) as Values
      const { slug, id } = params(request)
      const parsed = parseForm(
        milestoneSchema,
        { ...values, dueOn: joinDateParts(values, 'dueOn') },
        { dueOn: 'dueOn-day' },
      )
      const result = parsed.ok
        ? await attempt(() => service.changeMilestone(request.ctx, slug, id!, submittedVersion(values), parsed.value))
        : parsed
      if (!result.ok) return milestoneForm(request, reply, values, result)
      return reply.redirect(`/improvement-plans/${slug}/actions/${result.value.reference}#milestone-${id}`, 303)
    })

    const actionForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Values,
      errors: FieldErrors = noErrors,
    ) => {
      const view = await service.actionFormFor(request.ctx, params(request).slug)
      return reply.page(`${views}/action-form.njk`, { ...view, values, ...errors }, errors === noErrors ? 200 : 400)
    }

    app.get('/improvement-plans/:slug/actions/new', (request, reply) => actionForm(request, reply, {}))

    app.post('/improvement-plans/:slug/actions', async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(actionSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.addAction(request.ctx, params(request).slug, parsed.value))
        : parsed
      if (!result.ok) return actionForm(request, reply, values, result)
      return reply.redirect(`/improvement-plans/${params(request).slug}/actions/${result.value.reference}`, 303)
    })

    app.get('/improvement-plans/:slug/versions/new', (request, reply) =>
      ownerForm(request, reply, 'version-form.njk', {}),
    )

    app.post('/improvement-plans/:slug/versions', async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(versionSchema, values)
      const result = parsed.ok
        ? await attempt(() => service.publishVersion(request.ctx, params(request).slug, parsed.value))
        : parsed
      if (!result.ok) return ownerForm(request, reply, 'version-form.njk', values, result)
      return reply.redirect(`/improvement-plans/${params(request).slug}#versions`, 303)
    })
  }
}
