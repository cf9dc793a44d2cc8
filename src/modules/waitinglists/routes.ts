import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { joinMonthParts } from '#src/platform/forms/fields.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, rawQuery } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { paperQuery } from '#src/platform/papers/query.ts'
import { lineChart } from '#src/platform/views/charts/line-chart.ts'
import { createDashboardPaper } from './dashboard-paper.ts'
import type { FiguresRow } from './repository.ts'
import { monthLabel, monthsBetween } from './rules.ts'
import { FIELD_IDS, figuresSchema, healthServiceSchema, monthQuerySchema, newFiguresQuerySchema } from './schema.ts'
import { CHARTED_MEASURES, MEASURES, type WaitingListsService } from './service.ts'

const views = 'modules/waitinglists/views'
const byService = { schema: { params: pathParams('service') } }
const byMonth = { schema: { params: pathParams('service', 'month') } }

/** Stored figures as the form shows them: blank for "not known". */
function figureValues(figures: FiguresRow): FormValues {
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

type HealthService = NonNullable<Awaited<ReturnType<WaitingListsService['serviceToEdit']>>>

const serviceValues = (healthService: HealthService): FormValues => ({
  name: healthService.name,
  provider: healthService.provider,
  waitsTo: healthService.waitsTo,
  position: String(healthService.position),
  ...versionValue(healthService),
})

/** The health services' waiting lists: the dashboard, each service's history, and the analysts' forms. */
export function waitingListsRoutes(deps: { service: WaitingListsService; audit: AuditReader }) {
  const { service, audit } = deps
  const dashboardPaper = createDashboardPaper(service)

  /** The figures form: a new month's (no month), or a month's figures to change. */
  async function form(
    ctx: Context,
    reply: FastifyReply,
    at: { service: string; month?: string },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const { service: healthService, figures } = at.month
      ? await service.figuresToEdit(ctx, at.service, at.month)
      : await service.newFigures(ctx, at.service)
    const data = { healthService, figures, figuresMonth: figures ? monthLabel(figures.month) : null, values, ...errors }
    return reply.page(`${views}/figures-form.njk`, data, formStatus(errors))
  }

  async function save(request: FastifyRequest & { params: { service: string; month?: string } }, reply: FastifyReply) {
    assertCan(request.user, 'waitinglists:edit')
    const at = request.params
    return submitForm(request, reply, {
      schema: figuresSchema,
      input: (values) => ({ ...values, month: joinMonthParts(values, 'month') }),
      ids: FIELD_IDS,
      save: (input) => service.saveFigures(request.ctx, at.service, input, at.month ?? null),
      render: (values, errors) => form(request.ctx, reply, at, values, errors),
      redirect: (saved) => `/waiting-lists/${at.service}#month-${saved.month}`,
      confirmation: (saved) => `Figures for ${monthLabel(saved.month)} saved`,
    })
  }

  /** The form for a new service (no slug), or to change one. */
  async function serviceForm(
    ctx: Context,
    reply: FastifyReply,
    slug: string | null,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const healthService = await service.serviceToEdit(ctx, slug)
    const shown = values ?? (healthService ? serviceValues(healthService) : {})
    return reply.page(`${views}/service-form.njk`, { healthService, values: shown, ...errors }, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/waiting-lists/new', (request, reply) => serviceForm(request.ctx, reply, null, {}))

    app.post('/waiting-lists', async (request, reply) => {
      assertCan(request.user, 'waitinglists:edit')
      return submitForm(request, reply, {
        schema: healthServiceSchema,
        confirmation: 'Service added',
        save: (input) => service.addService(request.ctx, input),
        render: (values, errors) => serviceForm(request.ctx, reply, null, values, errors),
        redirect: (added) => `/waiting-lists/${added.slug}`,
      })
    })

    app.get('/waiting-lists/:service/edit', byService, (request, reply) =>
      serviceForm(request.ctx, reply, request.params.service, null),
    )

    app.post('/waiting-lists/:service/edit', byService, async (request, reply) => {
      assertCan(request.user, 'waitinglists:edit')
      const slug = request.params.service
      return submitForm(request, reply, {
        schema: healthServiceSchema,
        confirmation: 'Service updated',
        save: (input, version) => service.changeService(request.ctx, slug, version, input),
        render: (values, errors) => serviceForm(request.ctx, reply, slug, values, errors),
        redirect: () => `/waiting-lists/${slug}`,
      })
    })

    app.get('/waiting-lists', { schema: { querystring: rawQuery } }, async (request, reply) => {
      const query = monthQuerySchema.safeParse(request.query)
      const { format } = paperQuery(request.query)
      if (format) {
        if (!query.success) throw new NotFoundError('Waiting-list month')
        const paper = await dashboardPaper(request.ctx, { month: query.data.month })
        return reply.paper(paper, format, `waiting-lists${query.data.month ? `-${query.data.month}` : ''}`)
      }
      const dashboard = await service.dashboard(request.ctx, query.success ? query.data.month : undefined)
      return reply.page(`${views}/dashboard.njk`, {
        ...dashboard,
        measures: MEASURES,
        monthError: query.success ? null : 'Choose a month from the list',
        canEdit: can(request.user, 'waitinglists:edit'),
      })
    })

    app.get('/waiting-lists/:service', byService, async (request, reply) => {
      const { service: healthService, figures, missing } = await service.history(request.ctx, request.params.service)
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
            description: `Referrals waiting and the number waiting over 18 weeks at the end of each month with figures, from ${monthLabel(first)} to ${monthLabel(figures.at(-1)!.month)}${missing.length ? `; the lines break where months have no figures` : ''}. The table below gives the same figures.`,
            yLabel: 'Children waiting',
            breakOver: 1,
            series: CHARTED_MEASURES.map(({ key, name }) => ({ name, points: figures.map((f) => point(f, f[key])) })),
          })
        : null
      const history = await audit.historyOf(request.ctx, 'health service', healthService.id)
      return reply.page(`${views}/service.njk`, {
        healthService,
        // Latest first, with a row for each run of months between the first and latest that has no figures.
        months: [...figures, ...missing].sort((a, b) => b.month.localeCompare(a.month)),
        chart,
        history,
        canEdit: can(request.user, 'waitinglists:edit'),
      })
    })

    const newFiguresSchema = { params: pathParams('service'), querystring: newFiguresQuerySchema }
    app.get('/waiting-lists/:service/figures/new', { schema: newFiguresSchema }, async (request, reply) => {
      assertCan(request.user, 'waitinglists:edit')
      const { month } = request.query
      const values = month ? { 'month-month': String(Number(month.slice(5))), 'month-year': month.slice(0, 4) } : {}
      return form(request.ctx, reply, request.params, values)
    })

    app.post('/waiting-lists/:service/figures', byService, save)

    app.get('/waiting-lists/:service/figures/:month/edit', byMonth, async (request, reply) => {
      assertCan(request.user, 'waitinglists:edit')
      const { service: slug, month } = request.params
      const { figures } = await service.figuresToEdit(request.ctx, slug, month)
      return form(request.ctx, reply, request.params, figureValues(figures!))
    })

    app.post('/waiting-lists/:service/figures/:month/edit', byMonth, save)
  }
}
