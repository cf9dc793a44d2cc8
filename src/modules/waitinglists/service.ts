import type { Db } from '#src/database.ts'
import { isReservedSlug, slugify } from '#src/modules/bodies/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import { type Travel, directionOfTravel } from '#src/platform/rules/direction-of-travel.ts'
import type { FiguresRow, ServiceRow, WaitingListsRepository } from './repository.ts'
import { gapsIn, monthLabel, monthToShow, previousMonth, shareOver18Weeks } from './rules.ts'
import type { FiguresForm, HealthServiceForm } from './schema.ts'

/** The measures of a month's figures, in the dashboard's order. All are "lower is better". */
export const MEASURES = [
  { key: 'averageWeeks', label: 'Average wait', unit: 'weeks' },
  { key: 'longestWeeks', label: 'Longest wait', unit: 'weeks' },
  { key: 'over18Weeks', label: 'Waiting over 18 weeks', unit: '' },
  { key: 'over52Weeks', label: 'Waiting over 52 weeks', unit: '' },
  { key: 'over78Weeks', label: 'Waiting over 78 weeks', unit: '' },
  { key: 'referralsWaiting', label: 'Referrals waiting', unit: '' },
] as const
export type MeasureKey = (typeof MEASURES)[number]['key']

/** The measures a service's chart draws, by month: on the service's page and in the printed dashboard. */
export const CHARTED_MEASURES = [
  { key: 'referralsWaiting', name: 'Referrals waiting' },
  { key: 'over18Weeks', name: 'Waiting over 18 weeks' },
] as const satisfies readonly { key: MeasureKey; name: string }[]

export interface FiguresView extends FiguresRow {
  monthLabel: string
  shareOver18Weeks: number | null
  /** The change in each measure from the month before, when both months have the figure. */
  changes: Record<MeasureKey, Travel | null>
  previousMonthLabel: string
}

/** A month's figures with what is derived from them and from the month before (if recorded). */
function present(figures: FiguresRow, previous: FiguresRow | undefined): FiguresView {
  const changes = Object.fromEntries(
    MEASURES.map(({ key }) => [key, directionOfTravel(figures[key], previous?.[key] ?? null, 'lower is better')]),
  ) as Record<MeasureKey, Travel | null>
  return {
    ...figures,
    monthLabel: monthLabel(figures.month),
    shareOver18Weeks: shareOver18Weeks(figures),
    changes,
    previousMonthLabel: monthLabel(previousMonth(figures.month)),
  }
}

export function createWaitingListsService(deps: {
  db: Db
  repository: WaitingListsRepository
  /** Keep the dashboard from one request to the next until the data changes. */
  readsAcrossRequests: boolean
}) {
  const { db, repository: repo } = deps

  async function serviceOrThrow(slug: string): Promise<ServiceRow> {
    const service = await repo.findService(slug)
    if (!service) throw new NotFoundError('Health service')
    return service
  }

  async function entry(ctx: Context, slug: string, month: string | null) {
    assertCan(ctx.user, 'waitinglists:edit')
    const service = await serviceOrThrow(slug)
    const figures = month ? await repo.findFigures(service.id, month) : undefined
    if (month && !figures) throw new NotFoundError('Waiting-list figures')
    return { service, figures: figures ?? null }
  }

  // The same for everyone (the dashboard is public), so kept until the data changes (request-reads.ts).
  const dashboardOf = readsUntilChanged('waiting-list dashboard', readDashboard, {
    acrossRequests: deps.readsAcrossRequests,
    keep: 24,
  })
  /**
   * The dashboard for one month (when none is asked for, the latest that most services have figures for):
   * each service with that month's figures, or none, and the change from the month before.
   */
  const dashboard = (ctx: Context, month?: string) => dashboardOf(ctx, month ?? null)
  async function readDashboard(_ctx: Context, month: string | null) {
    const [services, { months: counted, servicesWithFigures }] = await Promise.all([repo.listServices(), repo.months()])
    const months = counted.map((row) => row.month)
    const shown = month ?? monthToShow(counted, servicesWithFigures)
    if (month && !months.includes(month)) throw new NotFoundError('Waiting-list month')
    const rows = shown ? await repo.figuresForMonths([shown, previousMonth(shown)]) : []
    const of = (serviceId: string, m: string) => rows.find((row) => row.serviceId === serviceId && row.month === m)
    const shownServices = services.map((service) => {
      const figures = shown ? of(service.id, shown) : undefined
      return { ...service, figures: shown && figures ? present(figures, of(service.id, previousMonth(shown))) : null }
    })
    return {
      month: shown,
      monthLabel: shown ? monthLabel(shown) : null,
      months: months.map((m) => ({ value: m, text: monthLabel(m) })),
      services: shownServices,
      /** The services with no figures for the month shown, named above the table. */
      withoutFigures: shown ? shownServices.filter((service) => !service.figures).map((service) => service.name) : [],
    }
  }

  async function serviceToEdit(ctx: Context, slug: string | null) {
    assertCan(ctx.user, 'waitinglists:edit')
    if (!slug) return null
    const service = await repo.findServiceToEdit(slug)
    if (!service) throw new NotFoundError('Health service')
    return service
  }

  return {
    dashboard,

    /**
     * One service and every month's figures, earliest first; `missing`, the runs of months between its first
     * and latest figures that have none, which the chart shows as breaks and the table names.
     */
    async history(_ctx: Context, slug: string) {
      const service = await serviceOrThrow(slug)
      const rows = await repo.figuresOf(service.id)
      const byMonth = new Map(rows.map((row) => [row.month, row]))
      return {
        service,
        figures: rows.map((row) => present(row, byMonth.get(previousMonth(row.month)))),
        missing: gapsIn(rows.map((row) => row.month)).map((gap) => ({
          ...gap,
          /** Where the gap sits in the table, latest first: by its last month. */
          month: gap.to,
          label: gap.months === 1 ? monthLabel(gap.from) : `${monthLabel(gap.from)} to ${monthLabel(gap.to)}`,
        })),
      }
    },

    /** The form to record a month's figures for a service. */
    newFigures(ctx: Context, slug: string) {
      return entry(ctx, slug, null)
    },

    /** The form to correct a month's figures. Throws NotFoundError. */
    figuresToEdit(ctx: Context, slug: string, month: string) {
      return entry(ctx, slug, month)
    },

    /**
     * Records a month's figures, or corrects them (`replacing` the month they were for). A month
     * already recorded cannot be recorded again: it is corrected instead. Audited on the service.
     */
    async saveFigures(ctx: Context, slug: string, input: FiguresForm, replacing: string | null) {
      assertCan(ctx.user, 'waitinglists:edit')
      const service = await serviceOrThrow(slug)
      const enteredBy = ctx.user.name
      return withTransaction(db, async (trx) => {
        const clash = await repo.findFigures(service.id, input.month, trx)
        const before = replacing ? await repo.findFigures(service.id, replacing, trx) : undefined
        if (replacing && !before) throw new NotFoundError('Waiting-list figures')
        if (clash && clash.id !== before?.id) {
          throw new RuleError(
            `Figures for ${monthLabel(input.month)} are already recorded: change those instead`,
            'month',
          )
        }
        const values = { ...input, enteredBy }
        const after = before
          ? await repo.updateFigures(trx, before.id, values)
          : await repo.insertFigures(trx, service.id, values)
        await recordAudit(trx, ctx, {
          action: `${before ? 'corrected' : 'recorded'} waiting-list figures for ${monthLabel(after.month)}`,
          subjectType: 'health service',
          subjectId: service.id,
          before: before ?? undefined,
          after,
        })
        return after
      })
    },

    /** A service for its change form; null for the form of a new one. */
    serviceToEdit,

    /** Adds a service, its address made from its name; without a position it goes last. */
    async addService(ctx: Context, input: HealthServiceForm) {
      assertCan(ctx.user, 'waitinglists:edit')
      const slug = slugify(input.name)
      if (!slug) throw new RuleError('The name must include letters or numbers', 'name')
      if (isReservedSlug(slug) || (await repo.slugTaken(slug)))
        throw new RuleError('There is already a health service with this name: give this one a different name', 'name')
      return withTransaction(db, async (trx) => {
        const position = input.position ?? (await repo.nextPosition(trx))
        const service = await repo.insertService(trx, { ...input, position, slug })
        await recordAudit(trx, ctx, {
          action: 'added health service',
          subjectType: 'health service',
          subjectId: service.id,
          after: service,
        })
        return service
      })
    },

    /** Changes a service's name, provider, what its wait is counted to, or position; its address stays. */
    async changeService(ctx: Context, slug: string, version: number | null, input: HealthServiceForm) {
      const before = (await serviceToEdit(ctx, slug))!
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This health service', subjectType: 'health service', expected: version },
          (at) => repo.updateService(trx, before.id, at, { ...input, position: input.position ?? before.position }),
          () => repo.findServiceToEdit(slug, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed health service',
          subjectType: 'health service',
          subjectId: before.id,
          before,
          after,
        })
        return after
      })
    },

    /** GET /api/v1/waiting-lists: each service's figures for a month (the dashboard's month when none is given). */
    forApi: dashboard,
  }
}

export type WaitingListsService = ReturnType<typeof createWaitingListsService>
