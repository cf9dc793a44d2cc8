import type { Db, Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { Clock } from '#src/platform/clock.ts'
import { groupBy } from '#src/platform/collections.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { pageCount } from '#src/platform/http/pagination.ts'
import { type Travel, directionOfTravel } from '#src/platform/rules/direction-of-travel.ts'
import type {
  FigureRow,
  FrameworkPageRow,
  IndicatorRow,
  IndicatorsRepository,
  LinkKind,
  PeriodRow,
  ValueChanges,
  ValueRow,
} from './repository.ts'
import { type Rag, ragAgainstTarget, ratePer10000 } from './rules.ts'
import { type GroupsRepository, createGroupsService } from './groups.ts'
import { type FiguresFile, type ImportRefusal, figuresInFile, rowsRefused } from './import-file.ts'
import type { RowError, ValueInput } from './value-input.ts'
import { type IndicatorForm, type PeriodForm, VALUE_FIELD_NAMES, type ValueField, unitProblems } from './schema.ts'
import type { WorkProgrammeService } from '#src/modules/workprogramme/index.ts'
import type { ImprovementService } from '#src/modules/improvement/index.ts'

/** Something an indicator can be linked to, as its page lists it. */
export interface LinkTarget {
  id: string
  label: string
  /** Its text in the list to choose from. */
  option: string
  /** How the audit trail names it. */
  audit: string
  /** Where it belongs: a committee, a plan. */
  context: string
  href: string
}

/** A period's figures: the whole stored value, or (on the framework page) only its figures. */
export interface PeriodFigures<V extends FigureRow = ValueRow> {
  period: PeriodRow
  value: V | null
  rag: Rag | null
  /** Against the latest earlier period with an actual. */
  direction: (Travel & { from: string }) | null
}

export interface IndicatorView<V extends FigureRow = ValueRow> extends IndicatorRow {
  periods: PeriodFigures<V>[]
  /** The latest period with an actual. */
  latest: PeriodFigures<V> | null
  baseline: PeriodFigures<V> | null
}

/**
 * An indicator with each period's figures and what is derived from them. `values` may hold other
 * indicators' too; for many indicators at once, `viewsOf` sorts the values out once.
 */
function viewOf(indicator: IndicatorRow, periods: PeriodRow[], values: ValueRow[]): IndicatorView {
  return viewFrom(
    indicator,
    periods,
    values.filter((v) => v.indicatorId === indicator.id),
  )
}

/** Each indicator's view, its values found by indicator once rather than searched for each. */
function viewsOf<V extends FigureRow>(indicators: IndicatorRow[], periods: PeriodRow[], values: V[]) {
  const byIndicator = groupBy(values, (value) => value.indicatorId)
  return indicators.map((indicator) => viewFrom(indicator, periods, byIndicator.get(indicator.id) ?? []))
}

function viewFrom<V extends FigureRow>(indicator: IndicatorRow, periods: PeriodRow[], own: V[]): IndicatorView<V> {
  const mine = new Map(own.map((v) => [v.periodId, v]))
  let previous: { actual: number; period: PeriodRow } | null = null
  const figures = periods.map((period): PeriodFigures<V> => {
    const value = mine.get(period.id) ?? null
    const actual = value?.actual ?? null
    const rag = ragAgainstTarget(actual, value?.target ?? null, indicator.polarity, indicator.tolerance)
    const travel = previous ? directionOfTravel(actual, previous.actual, indicator.polarity) : null
    const direction = travel ? { ...travel, from: previous!.period.name } : null
    if (actual !== null) previous = { actual, period }
    return { period, value, rag, direction }
  })
  const withActual = figures.filter((f) => f.value?.actual !== null && f.value?.actual !== undefined)
  return {
    ...indicator,
    periods: figures,
    latest: withActual.at(-1) ?? null,
    baseline: figures.find((f) => f.period.isBaseline) ?? null,
  }
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4))

/** The most indicators the framework page shows at once: a large council's 500 would take seconds to render. */
export const INDICATORS_PER_PAGE = 50

/** A group's indicators on a page of the framework; `continued` when the group began on the page before. */
export interface FrameworkGroup {
  group: string
  label: string
  continued: boolean
  indicators: IndicatorView<FigureRow>[]
}

/** What the framework needs of the work programme: its items, with their bodies. */
export type IndicatorsWorkProgramme = Pick<WorkProgrammeService, 'forApi'>
/** What the framework needs of improvement plans: their actions. */
export type IndicatorsImprovement = Pick<ImprovementService, 'allActions'>

/** A page's indicators under their groups, in order; a group whose first here is not its first is continued. */
function groupsOfPage(rows: FrameworkPageRow[], views: IndicatorView<FigureRow>[]): FrameworkGroup[] {
  const groups: FrameworkGroup[] = []
  for (const [at, view] of views.entries()) {
    const last = groups.at(-1)
    if (last?.group === view.indicatorGroup) last.indicators.push(view)
    else {
      const { groupName, placeInGroup } = rows[at]
      groups.push({ group: view.indicatorGroup, label: groupName, continued: placeInGroup > 1, indicators: [view] })
    }
  }
  return groups
}

export function createIndicatorsService(deps: {
  db: Db
  repository: IndicatorsRepository
  groups: GroupsRepository
  clock: Clock
  workProgramme: IndicatorsWorkProgramme
  improvement: IndicatorsImprovement
  /** Keep the framework's pages and indicators from one request to the next until the data changes. */
  readsAcrossRequests?: boolean
}) {
  const { db, repository: repo, groups, workProgramme, improvement } = deps
  const keeping = { acrossRequests: deps.readsAcrossRequests ?? false }

  /** An indicator belongs to one of the council's groups. */
  async function assertGroup(key: string, trx: Trx) {
    if (!(await groups.findGroupByKey(key, trx)))
      throw new RuleError('Select the group the indicator belongs to', 'indicatorGroup')
  }

  /** The things of each kind an indicator can be linked to, as choices: label, where it belongs, page. */
  const LINK_TARGETS: Record<
    LinkKind,
    {
      field: string
      missing: string
      audit: (label: string) => string
      choices: (ctx: Context) => Promise<LinkTarget[]>
    }
  > = {
    'work-programme': {
      field: 'workProgrammeItemId',
      missing: 'Select a work programme item from the list',
      audit: (label) => `work programme item “${label}”`,
      async choices(ctx) {
        const items = await workProgramme.forApi(ctx)
        return items.map((item) => ({
          id: item.id,
          label: item.title,
          option: `${item.title} (${item.body.name})`,
          audit: item.title,
          context: item.body.name,
          href: `/bodies/${item.body.slug}/work-programme/${item.id}`,
        }))
      },
    },
    actions: {
      field: 'actionId',
      missing: 'Select an improvement-plan action from the list',
      audit: (reference) => `improvement action ${reference}`,
      async choices(ctx) {
        const actions = await improvement.allActions(ctx)
        return actions.map((a) => ({
          id: a.id,
          label: `Action ${a.reference}: ${a.title}`,
          option: `${a.reference} ${a.title}`,
          audit: a.reference,
          context: a.planTitle,
          href: a.href,
        }))
      },
    },
  }

  /** Internal indicators exist only for those signed in: to anyone else they are not found. */
  const hiddenFrom = (ctx: Context, indicator: { published: boolean }) => !indicator.published && !ctx.user

  async function indicatorOrThrow(ctx: Context, code: string) {
    const indicator = await repo.findIndicator(code)
    if (!indicator || hiddenFrom(ctx, indicator)) throw new NotFoundError('Indicator')
    return indicator
  }

  async function periodOrThrow(slug: string) {
    const period = (await repo.listPeriods()).find((p) => p.slug === slug)
    if (!period) throw new NotFoundError('Period')
    return period
  }

  // A page of the framework, as the public or those signed in see it (internal indicators too): the
  // same for everyone on either side, kept until the data changes.
  const framework = readsUntilChanged(
    'framework page',
    async (_ctx: Context, publishedOnly: boolean, page: number) => {
      const [total, periods, latestReportedPeriodId] = await Promise.all([
        repo.countIndicators({ publishedOnly }),
        repo.listPeriods(),
        repo.latestReportedPeriodId({ publishedOnly }),
      ])
      const shown = Math.min(page, pageCount(total, INDICATORS_PER_PAGE))
      const offset = (shown - 1) * INDICATORS_PER_PAGE
      const rows = await repo.listIndicatorPage({ publishedOnly, limit: INDICATORS_PER_PAGE, offset })
      const values = await repo.listFigures(rows.map((row) => row.id))
      return {
        periods,
        latestReportedPeriodId,
        groups: groupsOfPage(rows, viewsOf(rows, periods, values)),
        page: shown,
        pageSize: INDICATORS_PER_PAGE,
        total,
        /** The places in the framework of the page's first and last indicators (1 for the framework's first). */
        first: offset + 1,
        last: offset + rows.length,
      }
    },
    { ...keeping, keep: 20 },
  )

  // One indicator with every period, whoever asks (indicator() refuses an internal one to the public).
  const indicatorWithPeriods = readsUntilChanged(
    'indicator',
    async (_ctx: Context, code: string) => {
      const indicator = await repo.findIndicator(code)
      if (!indicator) throw new NotFoundError('Indicator')
      const [periods, values, group] = await Promise.all([
        repo.listPeriods(),
        repo.listValues([indicator.id]),
        groups.findGroupByKey(indicator.indicatorGroup),
      ])
      return { indicator: viewOf(indicator, periods, values), groupLabel: group?.name ?? '' }
    },
    { ...keeping, keep: 100 },
  )

  // What an indicator may be linked to, and what it is linked to: the same for everyone (the choices are
  // the public work programme and every plan's actions), kept until the data changes.
  const linkChoices = readsUntilChanged(
    'indicator link choices',
    (ctx: Context, kind: LinkKind) => LINK_TARGETS[kind].choices(ctx),
    { ...keeping, keep: 2 },
  )
  const linkedIds = readsUntilChanged(
    'indicator links',
    (_ctx: Context, kind: LinkKind, indicatorId: string) => repo.linkedIds(kind, indicatorId),
    { ...keeping, keep: 200 },
  )

  async function everything(ctx: Context) {
    const [indicators, periods] = await Promise.all([
      repo.listIndicators({ publishedOnly: !ctx.user }),
      repo.listPeriods(),
    ])
    const values = await repo.listValues(indicators.map((i) => i.id))
    return { indicators, periods, values }
  }

  /**
   * The changes one input makes to the stored value: what it leaves undefined stays as it was.
   * A count becomes a rate with the population of children in the period's year.
   */
  async function changesFor(
    trx: Trx,
    indicator: IndicatorRow,
    period: PeriodRow,
    input: ValueInput,
    before: ValueRow | undefined,
    provenance: string,
    enteredBy: string,
  ): Promise<ValueChanges> {
    const keep = <T>(given: T | undefined, stored: T) => (given === undefined ? stored : given)
    const changes: ValueChanges = {
      target: keep(input.target, before?.target ?? null),
      aspiration: keep(input.aspiration, before?.aspiration ?? null),
      actual: keep(input.actual, before?.actual ?? null),
      actualCount: input.actual !== undefined ? null : (before?.actualCount ?? null),
      note: keep(input.note, before?.note ?? ''),
      england: keep(input.england, before?.england ?? null),
      region: keep(input.region, before?.region ?? null),
      statisticalNeighbours: keep(input.statisticalNeighbours, before?.statisticalNeighbours ?? null),
      benchmarkSource: keep(input.benchmarkSource, before?.benchmarkSource ?? ''),
      provenance:
        input.actual !== undefined || input.count !== undefined ? provenance : (before?.provenance ?? provenance),
      // A new actual is shown unless it says otherwise; one left as it was keeps its own.
      suppressed:
        input.actual !== undefined || input.count !== undefined
          ? (input.suppressed ?? false)
          : (before?.suppressed ?? false),
      enteredBy,
    }
    // A new target replaces an aspiration, and the other way round.
    if (input.target !== undefined && input.target !== null) changes.aspiration = null
    if (input.aspiration !== undefined && input.aspiration !== null) changes.target = null
    if (input.count !== undefined) {
      if (input.count === null) {
        changes.actualCount = null
      } else {
        const year = yearOf(period.endsOn)
        const population = await repo.findPopulation(year, trx)
        if (!population) {
          throw new RuleError(`There is no population of children for ${year}: add it under Populations first`, 'count')
        }
        changes.actual = ratePer10000(input.count, population.children)
        changes.actualCount = input.count
        changes.provenance = `${provenance}; worked out from a count of ${input.count} and ${population.children} children aged 0 to 17 in ${year}`
      }
    }
    return changes
  }

  /**
   * Saves values in the caller's transaction, each audited on its indicator. What the indicator's
   * unit allows is checked here, for the form and an import alike (an import checked it already,
   * to name every row at once). With `version` (the
   * analyst's form) the value must still be at the version the form was opened at (0: none yet),
   * or the save is refused (EditConflictError); an import overwrites what is there.
   */
  async function save(
    ctx: Context,
    trx: Trx,
    items: { indicator: IndicatorRow; period: PeriodRow; input: ValueInput }[],
    provenance: string,
    version?: number | null,
  ) {
    const saved: ValueRow[] = []
    for (const { indicator, period, input } of items) {
      const [problem] = unitProblems(indicator.unit, input, indicator.name)
      if (problem) throw new RuleError(problem.message, problem.field)
      const before = await repo.findValue(indicator.id, period.id, trx)
      const changes = await changesFor(trx, indicator, period, input, before, provenance, ctx.user!.name)
      const write = async (at?: number) => {
        if (before) return repo.updateValue(trx, before.id, changes, at)
        // None stored: a form opened at a version saw a value that is not there.
        return at ? undefined : repo.insertValue(trx, indicator.id, period.id, changes)
      }
      const after =
        version === undefined
          ? await write()
          : await writeAtVersion(
              trx,
              {
                what: `The figures for ${period.name}`,
                plural: true,
                subjectType: 'indicator',
                subjectId: indicator.id,
                expected: version,
              },
              write,
              () => repo.findValue(indicator.id, period.id, trx),
            )
      // Only an import writes without a version: someone's first save of the same value got there first.
      if (!after) throw new Error(`The figures of ${indicator.code} for ${period.name} were written during the import`)
      await recordAudit(trx, ctx, {
        action: `recorded figures for ${period.name}`,
        subjectType: 'indicator',
        subjectId: indicator.id,
        before,
        after,
      })
      saved.push(after)
    }
    return saved
  }

  /** What an import file is checked against: every indicator and period. */
  async function importTargets(ctx: Context) {
    assertCan(ctx.user, 'indicators:edit')
    const [indicators, periods] = await Promise.all([repo.listIndicators({ publishedOnly: false }), repo.listPeriods()])
    return { indicators, periods }
  }

  return {
    importTargets,

    ...createGroupsService({ db, groups }),

    /** The whole framework by group, each indicator with its periods' figures, RAG and direction: for its papers. */
    async framework(ctx: Context) {
      const [{ indicators, periods, values }, all, latestReportedPeriodId] = await Promise.all([
        everything(ctx),
        groups.listGroups(),
        repo.latestReportedPeriodId({ publishedOnly: !ctx.user }),
      ])
      const views = viewsOf(indicators, periods, values)
      return {
        periods,
        latestReportedPeriodId,
        groups: all
          .map((group) => ({
            group: group.key,
            label: group.name,
            indicators: views.filter((view) => view.indicatorGroup === group.key),
          }))
          .filter((group) => group.indicators.length > 0),
        canEdit: can(ctx.user, 'indicators:edit'),
        /** The day the figures are read: a printed framework is as at this day. */
        today: deps.clock.today(),
      }
    },

    /**
     * One page of the framework for its web page: INDICATORS_PER_PAGE indicators in the framework's order,
     * by group, each with every period's figures (so its rating and direction are as on the whole
     * framework). Only the page's indicators and their values are read. A page past the last shows the last.
     */
    async frameworkPage(ctx: Context, page: number) {
      return { ...(await framework(ctx, !ctx.user, page)), canEdit: can(ctx.user, 'indicators:edit') }
    },

    /** One indicator with every period. Throws NotFoundError (also for an internal one, signed out). */
    async indicator(ctx: Context, code: string) {
      const found = await indicatorWithPeriods(ctx, code)
      if (hiddenFrom(ctx, found.indicator)) throw new NotFoundError('Indicator')
      return found
    },

    /** For each kind of link: what the indicator is linked to, and (for those who may link) the rest. */
    async links(ctx: Context, indicatorId: string) {
      const canLink = can(ctx.user, 'indicators:link')
      const entries = await Promise.all(
        (Object.keys(LINK_TARGETS) as LinkKind[]).map(async (kind) => {
          const [ids, choices] = await Promise.all([linkedIds(ctx, kind, indicatorId), linkChoices(ctx, kind)])
          const linked = choices.filter((c) => ids.includes(c.id))
          const linkable = canLink ? choices.filter((c) => !ids.includes(c.id)) : []
          return [kind, { linked, linkable, field: LINK_TARGETS[kind].field }] as const
        }),
      )
      return {
        canLink,
        ...(Object.fromEntries(entries) as Record<
          LinkKind,
          { linked: LinkTarget[]; linkable: LinkTarget[]; field: string }
        >),
      }
    },

    /** Links something of one kind to an indicator, or unlinks it. Audited on the indicator. */
    async setLink(ctx: Context, code: string, kind: LinkKind, targetId: string, linked: boolean) {
      assertCan(ctx.user, 'indicators:link')
      const indicator = await indicatorOrThrow(ctx, code)
      const target = LINK_TARGETS[kind]
      const chosen = (await linkChoices(ctx, kind)).find((c) => c.id === targetId)
      if (!chosen) throw new RuleError(target.missing, target.field)
      return withTransaction(db, async (trx) => {
        const changed = await repo.setLink(trx, kind, indicator.id, chosen.id, linked)
        if (changed) {
          await recordAudit(trx, ctx, {
            action: `${linked ? 'linked' : 'unlinked'} ${target.audit(chosen.audit)}`,
            subjectType: 'indicator',
            subjectId: indicator.id,
            after: { [target.field]: chosen.id, linked },
          })
        }
        return { indicator, target: chosen, changed }
      })
    },

    /** An indicator's value in a period, for the analyst's form. */
    async valueToEdit(ctx: Context, code: string, periodSlug: string) {
      assertCan(ctx.user, 'indicators:edit')
      const indicator = await indicatorOrThrow(ctx, code)
      const period = await periodOrThrow(periodSlug)
      const value = (await repo.findValue(indicator.id, period.id)) ?? null
      const population =
        indicator.unit === 'rate per 10000' ? await repo.findPopulation(yearOf(period.endsOn)) : undefined
      return { indicator, period, value, population: population ?? null }
    },

    /**
     * Saves the analyst's form: every field given (blank clears it). Refused (EditConflictError)
     * unless the value is still at `version`, the one the form was opened at (0: none yet).
     */
    async saveValue(
      ctx: Context,
      code: string,
      periodSlug: string,
      version: number | null,
      input: Omit<ValueInput, 'code' | 'period'>,
    ) {
      assertCan(ctx.user, 'indicators:edit')
      const indicator = await indicatorOrThrow(ctx, code)
      const period = await periodOrThrow(periodSlug)
      const provenance = `Entered by ${ctx.user.name}`
      const item = { indicator, period, input: { ...input, code, period: periodSlug } }
      return withTransaction(db, (trx) => save(ctx, trx, [item], provenance, version))
    },

    /**
     * Imports a file of figures (CSV or Excel), all or nothing: read within the upload limits, every
     * row checked against the framework and the value form's rules (import-file.ts), then saved in
     * one transaction, where a row that cannot be saved (a count with no population for its year)
     * rejects the file, named by its row.
     */
    async importFile(ctx: Context, file: FiguresFile): Promise<{ ok: true; saved: number } | ImportRefusal> {
      assertCan(ctx.user, 'indicators:edit')
      const { indicators, periods } = await importTargets(ctx)
      const read = await figuresInFile(file, { indicators, periods })
      if (!read.ok) return read
      const items = read.rows.map(({ row, input }) => {
        const indicator = indicators.find((i) => i.code.toLowerCase() === input.code.toLowerCase())
        const period = periods.find((p) => p.slug === input.period)
        if (!indicator || !period) throw new Error(`Row ${row} was not checked against the framework`)
        return { row, indicator, period, input }
      })
      const provenance = `Imported from ${file.name} by ${ctx.user.name}`
      try {
        return await withTransaction(db, async (trx) => {
          const saved: ValueRow[] = []
          for (const item of items) {
            try {
              saved.push(...(await save(ctx, trx, [item], provenance)))
            } catch (error) {
              if (error instanceof RuleError) {
                const column = VALUE_FIELD_NAMES[error.field as ValueField] ?? 'Count'
                throw new ImportRejected([{ row: item.row, column, message: error.message }])
              }
              throw error
            }
          }
          return { ok: true as const, saved: saved.length }
        })
      } catch (error) {
        if (error instanceof ImportRejected) return rowsRefused(file, error.errors)
        throw error
      }
    },

    /**
     * Values computed from the statutory returns, checked against the framework now and written by the
     * function given back, in the caller's transaction (which records the computation as published with
     * them), each audited on its indicator like any other figure.
     */
    async computedWriter(
      ctx: Context,
      items: { code: string; periodSlug: string; input: Omit<ValueInput, 'code' | 'period'> }[],
      provenance: string,
    ) {
      assertCan(ctx.user, 'indicators:edit')
      const [indicators, periods] = await Promise.all([
        repo.listIndicators({ publishedOnly: false }),
        repo.listPeriods(),
      ])
      const found = items.map(({ code, periodSlug, input }) => {
        const indicator = indicators.find((i) => i.code === code)
        const period = periods.find((p) => p.slug === periodSlug)
        if (!indicator) throw new RuleError(`There is no indicator ${code} in the framework`)
        if (!period) throw new NotFoundError('Period')
        return { indicator, period, input: { ...input, code, period: periodSlug } }
      })
      return (trx: Trx) => save(ctx, trx, found, provenance)
    },

    /** The population of children aged 0 to 17 in a year, for the returns' rates; null when none is held. */
    async populationOf(ctx: Context, year: number) {
      assertCan(ctx.user, 'indicators:edit')
      return (await repo.findPopulation(year))?.children ?? null
    },

    /** Every stored value, for export (internal indicators only for those signed in). */
    async exportRows(ctx: Context) {
      const { indicators, periods, values } = await everything(ctx)
      return indicators.flatMap((indicator) =>
        periods.flatMap((period) => {
          const value = values.find((v) => v.indicatorId === indicator.id && v.periodId === period.id)
          if (!value) return []
          return [
            {
              code: indicator.code,
              name: indicator.name,
              period: { slug: period.slug, name: period.name },
              target: value.target,
              aspiration: value.aspiration,
              actual: value.actual,
              count: value.actualCount,
              note: value.note,
              england: value.england,
              region: value.region,
              statisticalNeighbours: value.statisticalNeighbours,
              benchmarkSource: value.benchmarkSource,
            },
          ]
        }),
      )
    },

    /** An indicator's definition for its form. */
    async indicatorToEdit(ctx: Context, code: string) {
      assertCan(ctx.user, 'indicators:edit')
      return indicatorOrThrow(ctx, code)
    },

    /** Adds an indicator at the end of the framework; its code must be new. Audited. */
    async createIndicator(ctx: Context, input: IndicatorForm) {
      assertCan(ctx.user, 'indicators:edit')
      return withTransaction(db, async (trx) => {
        if (await repo.codeTaken(input.code, null, trx))
          throw new RuleError(`There is already an indicator ${input.code}`, 'code')
        await assertGroup(input.indicatorGroup, trx)
        const after = await repo.insertIndicator(trx, { ...input, position: await repo.nextPosition(trx) })
        await recordAudit(trx, ctx, { action: 'added indicator', subjectType: 'indicator', subjectId: after.id, after })
        return after
      })
    },

    /**
     * Changes an indicator's definition (its figures stay). Audited with before and after. Refused
     * (EditConflictError) unless the definition is still at `version`, the one the form was opened at.
     */
    async updateIndicator(ctx: Context, code: string, version: number | null, input: IndicatorForm) {
      assertCan(ctx.user, 'indicators:edit')
      const before = await indicatorOrThrow(ctx, code)
      return withTransaction(db, async (trx) => {
        if (await repo.codeTaken(input.code, before.id, trx))
          throw new RuleError(`There is already an indicator ${input.code}`, 'code')
        await assertGroup(input.indicatorGroup, trx)
        const after = await writeAtVersion(
          trx,
          { what: 'This indicator', subjectType: 'indicator', expected: version },
          (at) => repo.updateIndicator(trx, before.id, at, input),
          () => repo.findIndicatorById(before.id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed indicator',
          subjectType: 'indicator',
          subjectId: after.id,
          before,
          after,
        })
        return after
      })
    },

    /** The periods a framework paper may be for: every one but the baselines, in order. Public, like the framework. */
    async paperPeriods(_ctx: Context) {
      return (await repo.listPeriods()).filter((period) => !period.isBaseline)
    },

    /** The reporting periods, for the analyst's list. */
    async periods(ctx: Context) {
      assertCan(ctx.user, 'indicators:edit')
      return repo.listPeriods()
    },

    /** Adds a reporting period; its name and short name must be new. Audited. */
    async addPeriod(ctx: Context, input: PeriodForm) {
      assertCan(ctx.user, 'indicators:edit')
      return withTransaction(db, async (trx) => {
        const clash = await repo.periodClash(input.slug, input.name, trx)
        if (clash?.slug === input.slug)
          throw new RuleError(`There is already a period with the short name ${input.slug}`, 'slug')
        if (clash) throw new RuleError(`There is already a period called ${clash.name}`, 'name')
        const after = await repo.insertPeriod(trx, input)
        await recordAudit(trx, ctx, {
          action: 'added reporting period',
          subjectType: 'indicator period',
          subjectId: after.id,
          after,
        })
        return after
      })
    },

    /** The population of children aged 0–17 by year, for analysts. */
    populations(ctx: Context) {
      assertCan(ctx.user, 'indicators:edit')
      return repo.listPopulations()
    },

    /** Adds or changes a year's population, audited. */
    async savePopulation(ctx: Context, input: { year: number; children: number; source: string }) {
      assertCan(ctx.user, 'indicators:edit')
      return withTransaction(db, async (trx) => {
        const before = await repo.findPopulation(input.year, trx)
        const after = await repo.upsertPopulation(trx, input)
        await recordAudit(trx, ctx, {
          action: `${before ? 'changed' : 'recorded'} the population of children for ${input.year}`,
          subjectType: 'child population',
          subjectId: String(input.year),
          before,
          after,
        })
        return after
      })
    },

    /** Published indicators with every period's figures, for the open-data API. */
    async forApi() {
      const publicContext: Context = { user: null, requestId: 'api' }
      const { indicators, periods, values } = await everything(publicContext)
      return viewsOf(indicators, periods, values)
    },
  }
}

/** An import that a row stopped; nothing of it was saved. */
class ImportRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('The import was rejected')
  }
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>
