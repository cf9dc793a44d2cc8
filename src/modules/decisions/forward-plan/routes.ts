import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { exemptValues } from '#src/platform/exemption/form.ts'
import { paragraphItems } from '#src/platform/exemption/schedule-12a.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues, selectItems } from '#src/platform/forms/values.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { monthOrDateValues } from '#src/modules/workprogramme/index.ts'
import type { PlanItemRow, PlanRow } from './repository.ts'
import {
  FIELD_IDS,
  URGENCIES,
  URGENCY_LABELS,
  planItemSchema,
  planPaperQuerySchema,
  planSchema,
  preDecisionSchema,
} from './schema.ts'
import { forwardPlanPaper } from './plan-paper.ts'
import { type ForwardPlanService, planItemPath, planPath } from './service.ts'

const views = 'modules/decisions/forward-plan/views'

const urgencyItems = URGENCIES.map((value) => ({ value, text: URGENCY_LABELS[value] }))

const planValues = (plan: PlanRow): FormValues => ({
  title: plan.title,
  ...dateValues('periodFrom', plan.periodFrom),
  ...dateValues('periodTo', plan.periodTo),
  ...dateValues('publishedOn', plan.publishedOn),
})

const itemValues = (item: PlanItemRow): FormValues => ({
  ...item,
  cabinetMemberId: item.cabinetMemberId ?? '',
  isNew: item.isNew ? 'yes' : '',
  chairAgreed: item.chairAgreed === null ? '' : item.chairAgreed ? 'yes' : 'no',
  decisionId: item.decisionId ?? '',
  ...exemptValues(item),
  ...monthOrDateValues('anticipated', { month: item.anticipatedMonth, on: item.anticipatedOn }),
  ...versionValue(item),
})

const byPlan = { schema: { params: pathParams('plan') } }
const byItem = { schema: { params: pathParams('plan', 'item') } }
const planPost = { schema: planSchema, dates: ['periodFrom', 'periodTo', 'publishedOn'], ids: FIELD_IDS }
const itemPost = { schema: planItemSchema, dates: ['anticipated'], ids: FIELD_IDS }

/** The forward plan of key decisions: plans, their items, their forms, and pre-decision scrutiny. */
export function forwardPlanRoutes(deps: { service: ForwardPlanService; audit: AuditReader; today: () => string }) {
  const { service, audit } = deps
  const paper = forwardPlanPaper(deps)

  function planForm(reply: FastifyReply, plan: PlanRow | null, values: FormValues, errors: FieldErrors = noErrors) {
    return reply.page(`${views}/plan-form.njk`, { plan, values, ...errors }, formStatus(errors))
  }

  async function itemForm(
    ctx: Context,
    reply: FastifyReply,
    found: { plan: PlanRow; item: PlanItemRow | null },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const [members, referenceExample, decisions] = await Promise.all([
      service.cabinetMembers(ctx),
      service.referenceExample(ctx),
      service.decisionChoices(ctx),
    ])
    const memberItems = selectItems(
      'None',
      members.map((m) => ({ value: m.id, text: m.jobTitle ? `${m.name}, ${m.jobTitle}` : m.name })),
      values.cabinetMemberId,
    )
    const decisionItems = selectItems(
      'Not yet taken',
      decisions.map((d) => ({ value: d.id, text: d.label })),
      values.decisionId,
    )
    const paragraphs = paragraphItems(values.exemptParagraph)
    const data = {
      ...found,
      values,
      memberItems,
      decisionItems,
      urgencyItems,
      paragraphItems: paragraphs,
      referenceExample,
      ...errors,
    }
    return reply.page(`${views}/item-form.njk`, data, formStatus(errors))
  }

  /** An item's page, with the form that marks it for pre-decision scrutiny (`values` as posted to it). */
  async function itemPage(
    request: Pick<FastifyRequest, 'user' | 'ctx'>,
    reply: FastifyReply,
    slugs: { plan: string; item: string },
    values: FormValues = {},
    errors: FieldErrors = noErrors,
  ) {
    const { plan, item, scrutiny } = await service.getItem(request.ctx, slugs.plan, slugs.item)
    const canMark = can(request.user, 'workprogramme:edit')
    const bodies = canMark ? await service.scrutinyBodies(request.ctx) : []
    const bodyItems = selectItems(
      'Select a committee',
      bodies.map((b) => ({ value: b.id, text: b.name })),
      values.bodyId,
    )
    const data = {
      plan,
      item,
      scrutiny,
      bodyItems,
      canMark,
      canEdit: can(request.user, 'decisions:edit'),
      ...errors,
    }
    return reply.page(`${views}/item.njk`, data, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/forward-plan', { schema: { querystring: planPaperQuerySchema } }, async (request, reply) => {
      const { format, on } = request.query
      if (format) return reply.paper(await paper(request.ctx, { on }), format, `forward-plan-${on ?? deps.today()}`)
      const canEdit = can(request.user, 'decisions:edit')
      try {
        return reply.page(`${views}/plan.njk`, { ...(await service.getPlan(request.ctx)), canEdit })
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error
        return reply.page(`${views}/plan.njk`, { plan: null, items: [], plans: [], canEdit })
      }
    })

    app.get('/forward-plan/new', async (request, reply) => {
      assertCan(request.user, 'decisions:edit')
      return planForm(reply, null, {})
    })

    app.post('/forward-plan', async (request, reply) => {
      assertCan(request.user, 'decisions:edit')
      return submitForm(request, reply, {
        ...planPost,
        confirmation: 'Forward plan added',
        save: (input) => service.createPlan(request.ctx, input),
        render: (values, errors) => planForm(reply, null, values, errors),
        redirect: (plan) => planPath(plan.slug),
      })
    })

    const byPlanWithFormat = { schema: { params: pathParams('plan'), querystring: planPaperQuerySchema } }
    app.get('/forward-plan/:plan', byPlanWithFormat, async (request, reply) => {
      const { format } = request.query
      if (format) {
        const made = await paper(request.ctx, { plan: request.params.plan })
        return reply.paper(made, format, `forward-plan-${request.params.plan}`)
      }
      const plan = await service.getPlan(request.ctx, request.params.plan)
      const history = await audit.historyOf(request.ctx, 'forward plan', plan.plan.id)
      return reply.page(`${views}/plan.njk`, { ...plan, history, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/forward-plan/:plan/edit', byPlan, async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, request.params.plan)
      return planForm(reply, plan, planValues(plan))
    })

    app.post('/forward-plan/:plan/edit', byPlan, async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, request.params.plan)
      return submitForm(request, reply, {
        ...planPost,
        confirmation: 'Forward plan updated',
        save: (input) => service.updatePlan(request.ctx, plan.id, input),
        render: (values, errors) => planForm(reply, plan, values, errors),
        redirect: (saved) => planPath(saved.slug),
      })
    })

    app.get('/forward-plan/:plan/items/new', byPlan, async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, request.params.plan)
      return itemForm(request.ctx, reply, { plan, item: null }, { exempt: 'no', urgency: 'none' })
    })

    app.post('/forward-plan/:plan/items', byPlan, async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, request.params.plan)
      return submitForm(request, reply, {
        ...itemPost,
        confirmation: 'Forward plan item added',
        save: (input) => service.addItem(request.ctx, plan.id, input),
        render: (values, errors) => itemForm(request.ctx, reply, { plan, item: null }, values, errors),
        redirect: (item) => planItemPath(plan.slug, item.slug),
      })
    })

    app.get('/forward-plan/:plan/items/:item', byItem, (request, reply) => itemPage(request, reply, request.params))

    app.get('/forward-plan/:plan/items/:item/edit', byItem, async (request, reply) => {
      const found = await service.itemToEdit(request.ctx, request.params.plan, request.params.item)
      return itemForm(request.ctx, reply, found, itemValues(found.item))
    })

    app.post('/forward-plan/:plan/items/:item/edit', byItem, async (request, reply) => {
      const { plan, item } = await service.itemToEdit(request.ctx, request.params.plan, request.params.item)
      return submitForm(request, reply, {
        ...itemPost,
        confirmation: 'Forward plan item updated',
        save: (input, version) => service.updateItem(request.ctx, plan, item, version, input),
        render: (values, errors) => itemForm(request.ctx, reply, { plan, item }, values, errors),
        redirect: (saved) => planItemPath(plan.slug, saved.slug),
      })
    })

    app.post('/forward-plan/:plan/items/:item/pre-decision-scrutiny', byItem, async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const { plan, item } = request.params
      return submitForm(request, reply, {
        schema: preDecisionSchema,
        confirmation: 'Added to the work programme for pre-decision scrutiny',
        save: (input) => service.markForPreDecisionScrutiny(request.ctx, plan, item, input.bodyId),
        render: (values, errors) => itemPage(request, reply, request.params, values, errors),
        redirect: (marked) => marked.href,
      })
    })
  }
}
