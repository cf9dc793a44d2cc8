import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, attempt, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { lineChart } from '#src/platform/views/charts/line-chart.ts'
import type { FiguresRow } from './repository.ts'
import { monthLabel, monthsBetween } from './rules.ts'
import { FIELD_IDS, MONTH, figuresSchema, joinMonthParts, monthQuerySchema } from './schema.ts'
import { MEASURES, type WaitingListsService } from './service.ts'

const views = 'modules/waitinglists/views'
type Values = Record<string, unknown>
const params = (request: FastifyRequest) => request.params as { service: string; month?: string }

/** Stored figures as the form shows them: blank for "not known". */
function figureValues(figures: FiguresRow): Values {
  const text = (n: number | null) => (n === null ? '' : String(n))
  const [year, month] = figures.month.split('-')
  return {
    'month-month': String(Number(month)),
    'month-year': year,
    referralsWaiting: text(figures.referralsWaiting),
    over18Weeks: text(figures.over18Weeks),
    over52Weeks: text(figures.over52Weeks),
    over78Weeks: text(figures.over78Weeks),
    averageWeeks: text(figures.averageWeeks),
    longestWeeks: text(figures.longestWeeks),
    source: figures.source,
    note: figures.note,
  }
}

/** The health services' waiting lists: the dashboard, each service's history, and the analysts' forms. */
export function waitingListsRoutes(deps: { service: WaitingListsService; audit: AuditReader }) {
  const { service, audit } = deps

  async function form(request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldErrors = noErrors) {
    const month = params(request).month ?? null
    const { service: healthService, figures } = month
      ? await service.figuresToEdit(request.ctx, params(request).service, month)
      : await service.newFigures(request.ctx, params(request).service)
    const data = { healthService, figures, figuresMonth: figures ? monthLabel(figures.month) : null, values, ...errors }
    return reply.page(`${views}/figures-form.njk`, data, errors === noErrors ? 200 : 400)
  }

  async function save(request: FastifyRequest, reply: FastifyReply) {
    assertCan(request.user, 'waitinglists:edit')
    const values = (request.body ?? {}) as Values
    const parsed = parseForm(figuresSchema, { ...values, month: joinMonthParts(values, 'month') }, FIELD_IDS)
    const slug = params(request).service
    const result = parsed.ok
      ? await attempt(() => service.saveFigures(request.ctx, slug, parsed.value, params(request).month ?? null))
      : parsed
    if (!result.ok) return form(request, reply, values, result)
    return reply.redirect(`/waiting-lists/${slug}#month-${result.value.month}`, 303)
  }

  return async function (app: FastifyInstance) {
    app.get('/waiting-lists', async (request, reply) => {
      const query = monthQuerySchema.safeParse(request.query ?? {})
      const dashboard = await service.dashboard(request.ctx, query.success ? query.data.month : undefined)
      return reply.page(`${views}/dashboard.njk`, {
        ...dashboard,
        measures: MEASURES,
        monthError: query.success ? null : 'Choose a month from the list',
        canEdit: can(request.user, 'waitinglists:edit'),
      })
    })

    app.get('/waiting-lists/:service', async (request, reply) => {
      const { service: healthService, figures } = await service.history(request.ctx, params(request).service)
      const first = figures[0]?.month
      const point = (figure: (typeof figures)[number], y: number | null) => ({
        x: monthsBetween(first, figure.month),
        label: monthLabel(figure.month).replace(/^(\w{3})\w*/, '$1'),
        y,
      })
      const chart = figures.length
        ? lineChart({
            id: 'waiting-chart',
            title: `${healthService.name}: children waiting, by month`,
            description: `Referrals waiting and the number waiting over 18 weeks at the end of each month with figures, from ${monthLabel(first)} to ${monthLabel(figures.at(-1)!.month)}. The table below gives the same figures.`,
            yLabel: 'Children waiting',
            series: [
              { name: 'Referrals waiting', points: figures.map((f) => point(f, f.referralsWaiting)) },
              { name: 'Waiting over 18 weeks', points: figures.map((f) => point(f, f.over18Weeks)) },
            ],
          })
        : null
      const history = await audit.historyOf(request.ctx, 'health service', healthService.id)
      return reply.page(`${views}/service.njk`, {
        healthService,
        figures: [...figures].reverse(),
        chart,
        history,
        canEdit: can(request.user, 'waitinglists:edit'),
      })
    })

    app.get('/waiting-lists/:service/figures/new', async (request, reply) => {
      assertCan(request.user, 'waitinglists:edit')
      const { month } = request.query as { month?: string }
      const values: Values = {}
      if (month && MONTH.test(month)) {
        values['month-month'] = String(Number(month.slice(5)))
        values['month-year'] = month.slice(0, 4)
      }
      return form(request, reply, values)
    })

    app.post('/waiting-lists/:service/figures', save)

    app.get('/waiting-lists/:service/figures/:month/edit', async (request, reply) => {
      assertCan(request.user, 'waitinglists:edit')
      const { figures } = await service.figuresToEdit(request.ctx, params(request).service, params(request).month!)
      return form(request, reply, figureValues(figures!))
    })

    app.post('/waiting-lists/:service/figures/:month/edit', save)
  }
}
