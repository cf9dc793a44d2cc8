import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { dateParts, joinDateParts } from '#src/platform/forms/fields.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { monthOrDateValues } from '#src/modules/workprogramme/index.ts'
import { paragraphItems } from '../schema.ts'
import type { PlanItemRow, PlanRow } from './repository.ts'
import { FIELD_IDS, planItemSchema, planSchema, preDecisionSchema } from './schema.ts'
import { type ForwardPlanService, planItemPath, planPath } from './service.ts'

const views = 'modules/decisions/forward-plan/views'
type Values = Record<string, unknown>

const dateValues = (name: string, value: string | null) => {
  const parts = dateParts(value)
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year }
}

const planValues = (plan: PlanRow): Values => ({
  title: plan.title,
  ...dateValues('periodFrom', plan.periodFrom),
  ...dateValues('periodTo', plan.periodTo),
  ...dateValues('publishedOn', plan.publishedOn),
})

const itemValues = (item: PlanItemRow): Values => ({
  ...item,
  cabinetMemberId: item.cabinetMemberId ?? '',
  isNew: item.isNew ? 'yes' : '',
  exempt: item.exemptParagraph ? 'yes' : 'no',
  exemptParagraph: item.exemptParagraph ?? '',
  exemptReason: item.exemptReason ?? '',
  ...monthOrDateValues('anticipated', { month: item.anticipatedMonth, on: item.anticipatedOn }),
  ...versionValue(item),
})

const withDates = (body: unknown, names: string[]) => {
  const values = { ...((body ?? {}) as Values) }
  for (const name of names) values[name] = joinDateParts(values, name)
  return values
}

const params = (request: FastifyRequest) => request.params as { plan: string; item: string }

/** The forward plan of key decisions: plans, their items, their forms, and pre-decision scrutiny. */
export function forwardPlanRoutes(deps: { service: ForwardPlanService; audit: AuditReader }) {
  const { service, audit } = deps

  function planForm(reply: FastifyReply, plan: PlanRow | null, values: Values, errors: FieldErrors = noErrors) {
    return reply.page(`${views}/plan-form.njk`, { plan, values, ...errors }, errors === noErrors ? 200 : 400)
  }

  async function itemForm(
    request: FastifyRequest,
    reply: FastifyReply,
    plan: PlanRow,
    item: PlanItemRow | null,
    values: Values,
    errors: FieldErrors = noErrors,
  ) {
    const members = await service.cabinetMembers(request.ctx)
    const memberItems = [
      { value: '', text: 'None' },
      ...members.map((m) => ({
        value: m.id,
        text: m.jobTitle ? `${m.name}, ${m.jobTitle}` : m.name,
        selected: values.cabinetMemberId === m.id,
      })),
    ]
    const data = { plan, item, values, memberItems, paragraphItems: paragraphItems(values.exemptParagraph), ...errors }
    return reply.page(`${views}/item-form.njk`, data, formStatus(errors))
  }

  async function itemPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors = noErrors,
    values: Values = {},
  ) {
    const { plan, item, scrutiny } = await service.getItem(request.ctx, params(request).plan, params(request).item)
    const canMark = can(request.user, 'workprogramme:edit')
    const bodies = canMark ? await service.scrutinyBodies(request.ctx) : []
    const bodyItems = [
      { value: '', text: 'Select a committee' },
      ...bodies.map((b) => ({ value: b.id, text: b.name, selected: values.bodyId === b.id })),
    ]
    const data = {
      plan,
      item,
      scrutiny,
      bodyItems,
      canMark,
      canEdit: can(request.user, 'decisions:edit'),
      ...errors,
    }
    return reply.page(`${views}/item.njk`, data, errors === noErrors ? 200 : 400)
  }

  return async function (app: FastifyInstance) {
    app.get('/forward-plan', async (request, reply) => {
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
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(planSchema, withDates(values, ['periodFrom', 'periodTo', 'publishedOn']), FIELD_IDS)
      const result = parsed.ok ? await attempt(() => service.createPlan(request.ctx, parsed.value)) : parsed
      if (!result.ok) return planForm(reply, null, values, result)
      return reply.redirect(planPath(result.value.slug), 303)
    })

    app.get('/forward-plan/:plan', async (request, reply) => {
      const plan = await service.getPlan(request.ctx, params(request).plan)
      const history = await audit.historyOf(request.ctx, 'forward plan', plan.plan.id)
      return reply.page(`${views}/plan.njk`, { ...plan, history, canEdit: can(request.user, 'decisions:edit') })
    })

    app.get('/forward-plan/:plan/edit', async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, params(request).plan)
      return planForm(reply, plan, planValues(plan))
    })

    app.post('/forward-plan/:plan/edit', async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, params(request).plan)
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(planSchema, withDates(values, ['periodFrom', 'periodTo', 'publishedOn']), FIELD_IDS)
      const result = parsed.ok ? await attempt(() => service.updatePlan(request.ctx, plan.id, parsed.value)) : parsed
      if (!result.ok) return planForm(reply, plan, values, result)
      return reply.redirect(planPath(result.value.slug), 303)
    })

    app.get('/forward-plan/:plan/items/new', async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, params(request).plan)
      return itemForm(request, reply, plan, null, { exempt: 'no' })
    })

    app.post('/forward-plan/:plan/items', async (request, reply) => {
      const plan = await service.planToEdit(request.ctx, params(request).plan)
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(planItemSchema, withDates(values, ['anticipated']), FIELD_IDS)
      const result = parsed.ok ? await attempt(() => service.addItem(request.ctx, plan.id, parsed.value)) : parsed
      if (!result.ok) return itemForm(request, reply, plan, null, values, result)
      return reply.redirect(planItemPath(plan.slug, result.value.slug), 303)
    })

    app.get('/forward-plan/:plan/items/:item', (request, reply) => itemPage(request, reply))

    app.get('/forward-plan/:plan/items/:item/edit', async (request, reply) => {
      const { plan, item } = await service.itemToEdit(request.ctx, params(request).plan, params(request).item)
      return itemForm(request, reply, plan, item, itemValues(item))
    })

    app.post('/forward-plan/:plan/items/:item/edit', async (request, reply) => {
      const { plan, item } = await service.itemToEdit(request.ctx, params(request).plan, params(request).item)
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(planItemSchema, withDates(values, ['anticipated']), FIELD_IDS)
      const version = submittedVersion(values)
      const result = parsed.ok
        ? await attempt(() => service.updateItem(request.ctx, plan, item, version, parsed.value))
        : parsed
      if (!result.ok) return itemForm(request, reply, plan, item, values, result)
      return reply.redirect(planItemPath(plan.slug, result.value.slug), 303)
    })

    app.post('/forward-plan/:plan/items/:item/pre-decision-scrutiny', async (request, reply) => {
      assertCan(request.user, 'workprogramme:edit')
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(preDecisionSchema, values)
      const { plan, item } = params(request)
      const result = parsed.ok
        ? await attempt(() => service.markForPreDecisionScrutiny(request.ctx, plan, item, parsed.value.bodyId))
        : parsed
      if (!result.ok) return itemPage(request, reply, result, values)
      return reply.redirect(result.value.href, 303)
    })
  }
}
