import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { dateParts, joinDateParts } from '#src/platform/forms/fields.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues, rawQuery, postedValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { paperQuery, queryDate } from '#src/platform/papers/query.ts'
import { keptParts } from '#src/platform/views/kept-parts.ts'
import { createProgressPaper } from './progress-paper.ts'
import {
  actionSchema,
  milestoneFilterSchema,
  milestoneSchema,
  sinceSchema,
  updateSchema,
  versionSchema,
} from './schema.ts'
import { recordsLinks, recordsRoutes } from './records-routes.ts'
import type { ImprovementService, PlanView } from './service.ts'
import { MILESTONE_STATUSES } from './tables.ts'

const views = 'modules/improvement/views'
const statusItems = [
  { value: '', text: 'No change' },
  ...MILESTONE_STATUSES.map((value) => ({ value, text: value.replace(/^./, (c) => c.toUpperCase()) })),
]
const byPlan = { schema: { params: pathParams('slug') } }
const byAction = { schema: { params: pathParams('slug', 'reference') } }
const byMilestone = { schema: { params: pathParams('slug', 'id') } }

/** A milestone or action update refused: the errors, beside the fields of the milestone (or 'action') it was for. */
type UpdateErrors = FieldErrors & { milestoneId?: string; values?: FormValues }

/** Where an update form was posted from: an action's page, or "my actions" when not one. */
function actionOf(returnTo: unknown) {
  const back = typeof returnTo === 'string' ? returnTo : ''
  const [, slug, reference] = /^\/improvement-plans\/([a-z0-9-]+)\/actions\/([0-9A-Za-z.]+)$/.exec(back) ?? []
  return slug && reference ? { slug, reference, back } : null
}

/** Inspections, improvement plans, actions, "my actions" and the forms that change them. */
export function improvementRoutes(deps: { service: ImprovementService; audit: AuditReader }) {
  const { service, audit } = deps
  const progressPaper = createProgressPaper(service)

  async function actionPage(
    ctx: Context,
    reply: FastifyReply,
    at: { slug: string; reference: string },
    errors: UpdateErrors = noErrors,
  ) {
    const view = await service.action(ctx, at.slug, at.reference)
    const history = await audit.historyOf(ctx, 'improvement plan', view.plan.id)
    return reply.page(
      `${views}/action.njk`,
      { ...view, history, statusItems, todayParts: dateParts(view.today), ...errors },
      formStatus(errors),
    )
  }

  async function myActionsPage(ctx: Context, reply: FastifyReply, errors: UpdateErrors = noErrors) {
    const mine = await service.myActions(ctx)
    return reply.page(
      `${views}/my-actions.njk`,
      { ...mine, statusItems, todayParts: dateParts(mine.today), ...errors },
      formStatus(errors),
    )
  }

  /** A form for the plan's owners: a new milestone for an action, or a new version of the plan. */
  async function ownerForm(
    ctx: Context,
    reply: FastifyReply,
    at: { slug: string; reference?: string },
    template: string,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const view = at.reference
      ? await service.action(ctx, at.slug, at.reference)
      : { ...(await service.plan(ctx, at.slug)), action: null }
    if (!service.isOwner(ctx, view.plan)) assertCan(ctx.user, 'improvement:edit-any')
    return reply.page(`${views}/${template}`, { ...view, values, ...errors }, formStatus(errors))
  }

  async function milestoneForm(
    ctx: Context,
    reply: FastifyReply,
    at: { slug: string; id: string },
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { plan, milestone } = await service.milestoneToEdit(ctx, at.slug, at.id)
    const shown = values ?? {
      text: milestone.text,
      dueNote: milestone.dueNote,
      ...dateValues('dueOn', milestone.dueOn),
      ...versionValue(milestone),
    }
    return reply.page(`${views}/milestone-edit.njk`, { plan, milestone, values: shown, ...errors }, formStatus(errors))
  }

  async function actionForm(ctx: Context, reply: FastifyReply, slug: string, values: FormValues, errors = noErrors) {
    const view = await service.actionFormFor(ctx, slug)
    return reply.page(`${views}/action-form.njk`, { ...view, values, ...errors }, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    recordsRoutes(instance, service)

    app.get('/inspections', async (request, reply) => {
      const inspections = await service.listInspections(request.ctx)
      return reply.page(`${views}/inspections.njk`, { inspections, ...recordsLinks(request.ctx) })
    })

    app.get('/inspections/:slug', byPlan, async (request, reply) => {
      const view = await service.inspection(request.ctx, request.params.slug)
      return reply.page(`${views}/inspection.njk`, { ...view, ...recordsLinks(request.ctx) })
    })

    app.get('/improvement-plans', async (request, reply) => {
      const plans = await service.listPlans(request.ctx)
      return reply.page(`${views}/plans.njk`, { plans, ...recordsLinks(request.ctx) })
    })

    // A theme's actions, the same for everyone: rendered once for each theme of a kept plan view.
    const themeActions = keptParts((theme: PlanView['themes'][number], base: string) =>
      app.view(`${views}/plan-theme-actions.njk`, { theme, base }),
    )

    const planRoute = { schema: { params: pathParams('slug'), querystring: rawQuery } }
    app.get('/improvement-plans/:slug', planRoute, async (request, reply) => {
      const { format, on } = paperQuery(request.query)
      if (format) {
        const since = queryDate(request.query.since)
        const paper = await progressPaper(request.ctx, request.params.slug, { on, since })
        return reply.paper(paper, format, `${request.params.slug}-progress`)
      }
      const view = await service.plan(request.ctx, request.params.slug)
      const history = await audit.historyOf(request.ctx, 'improvement plan', view.plan.id)
      const base = `/improvement-plans/${view.plan.slug}`
      return reply.page(`${views}/plan.njk`, {
        ...view,
        themeActions: await Promise.all(view.themes.map((theme) => themeActions(theme, base))),
        history,
        isOwner: service.isOwner(request.ctx, view.plan),
        mayKeepThemes: service.mayKeepThemes(request.ctx, view.plan),
        mayChangePlan: recordsLinks(request.ctx).mayAddPlans,
      })
    })

    const filterRoute = { schema: { params: pathParams('slug'), querystring: rawQuery } }
    app.get('/improvement-plans/:slug/milestones', filterRoute, async (request, reply) => {
      const { rag, theme, lead, stale } = milestoneFilterSchema.parse(request.query)
      const view = await service.milestones(request.ctx, request.params.slug, { rag, themeId: theme, lead, stale })
      return reply.page(`${views}/milestones.njk`, view)
    })

    const sinceRoute = { schema: { params: pathParams('slug'), querystring: rawQuery } }
    app.get('/improvement-plans/:slug/since', sinceRoute, async (request, reply) => {
      const { query } = request
      const { from } = sinceSchema
        .catch({ from: undefined })
        .parse({ from: joinDateParts(query, 'from') || query.from })
      const report = await service.since(request.ctx, request.params.slug, from)
      return reply.page(`${views}/since.njk`, { ...report, fromParts: dateParts(report.from) })
    })

    app.get('/improvement-plans/:slug/actions/:reference', byAction, (request, reply) =>
      actionPage(request.ctx, reply, request.params),
    )

    const byId = { schema: { params: pathParams('id') } }
    app.post('/improvement-plans/milestones/:id/updates', byId, async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const milestoneId = request.params.id
      // The form is on an action's page or on "my actions": it is shown again there, with its errors.
      const from = actionOf(postedValues(request.body).returnTo)
      return submitForm(request, reply, {
        schema: updateSchema,
        dates: ['onDate'],
        ids: { onDate: `onDate-${milestoneId}-day`, text: `text-${milestoneId}`, status: `status-${milestoneId}` },
        confirmation: 'Update posted',
        save: (input) => service.updateMilestone(request.ctx, milestoneId, input),
        render: (values, errors) => {
          const shown = { ...errors, milestoneId, values }
          return from ? actionPage(request.ctx, reply, from, shown) : myActionsPage(request.ctx, reply, shown)
        },
        redirect: () => `${from ? from.back : '/my/actions'}#milestone-${milestoneId}`,
      })
    })

    app.get('/my/actions', (request, reply) => myActionsPage(request.ctx, reply))

    app.get('/improvement-plans/:slug/actions/:reference/milestones/new', byAction, (request, reply) =>
      ownerForm(request.ctx, reply, request.params, 'milestone-form.njk', {}),
    )

    app.post('/improvement-plans/:slug/actions/:reference/milestones', byAction, async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const { slug, reference } = request.params
      return submitForm(request, reply, {
        schema: milestoneSchema,
        dates: ['dueOn'],
        confirmation: 'Milestone added',
        save: (input) => service.addMilestone(request.ctx, slug, reference, input),
        render: (values, errors) => ownerForm(request.ctx, reply, request.params, 'milestone-form.njk', values, errors),
        redirect: (milestone) => `/improvement-plans/${slug}/actions/${reference}#milestone-${milestone.id}`,
      })
    })

    app.post('/improvement-plans/:slug/actions/:reference/updates', byAction, async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const { slug, reference } = request.params
      return submitForm(request, reply, {
        schema: updateSchema,
        // An action's update has no status of its own: that is its milestones'.
        input: (values) => ({ ...values, status: '' }),
        dates: ['onDate'],
        ids: { onDate: 'onDate-action-day', text: 'text-action' },
        confirmation: 'Update posted',
        save: (input) => service.updateAction(request.ctx, slug, reference, input),
        render: (values, errors) =>
          actionPage(request.ctx, reply, request.params, { ...errors, milestoneId: 'action', values }),
        redirect: () => `/improvement-plans/${slug}/actions/${reference}#action-updates`,
      })
    })

    app.get('/improvement-plans/:slug/milestones/:id/edit', byMilestone, (request, reply) =>
      milestoneForm(request.ctx, reply, request.params, null),
    )

    app.post('/improvement-plans/:slug/milestones/:id/edit', byMilestone, async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const { slug, id } = request.params
      return submitForm(request, reply, {
        schema: milestoneSchema,
        dates: ['dueOn'],
        confirmation: 'Milestone updated',
        save: (input, version) => service.changeMilestone(request.ctx, slug, id, version, input),
        render: (values, errors) => milestoneForm(request.ctx, reply, request.params, values, errors),
        redirect: (saved) => `/improvement-plans/${slug}/actions/${saved.reference}#milestone-${id}`,
      })
    })

    app.get('/improvement-plans/:slug/actions/new', byPlan, (request, reply) =>
      actionForm(request.ctx, reply, request.params.slug, {}),
    )

    app.post('/improvement-plans/:slug/actions', byPlan, async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const { slug } = request.params
      return submitForm(request, reply, {
        schema: actionSchema,
        save: (input) => service.addAction(request.ctx, slug, input),
        render: (values, errors) => actionForm(request.ctx, reply, slug, values, errors),
        redirect: (action) => `/improvement-plans/${slug}/actions/${action.reference}`,
        confirmation: (action) => `Action ${action.reference} added`,
      })
    })

    app.get('/improvement-plans/:slug/versions/new', byPlan, (request, reply) =>
      ownerForm(request.ctx, reply, request.params, 'version-form.njk', {}),
    )

    app.post('/improvement-plans/:slug/versions', byPlan, async (request, reply) => {
      assertCan(request.user, 'improvement:update')
      const { slug } = request.params
      return submitForm(request, reply, {
        schema: versionSchema,
        confirmation: 'New version published',
        save: (input) => service.publishVersion(request.ctx, slug, input),
        render: (values, errors) => ownerForm(request.ctx, reply, request.params, 'version-form.njk', values, errors),
        redirect: () => `/improvement-plans/${slug}#versions`,
      })
    })
  }
}
