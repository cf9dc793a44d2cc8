import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Db, Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { FileLimitError, UnreadableFileError } from '#src/platform/files/limits.ts'
import { ForbiddenError, NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { computeIndicators, listDefinitions } from './definitions.ts'
import { publishCount, publishRate } from './disclosure.ts'
import { ExtractRefusal } from './extract-rows.ts'
import { KIND_NAMES, TABLES_OF, readExtractInBatches } from './ingest.ts'
import { PSEUDONYM_KEY_VARIABLE, PseudonymKeyError, pseudonymKeyFromEnvironment } from './pseudonym.ts'
import type { ExtractKind } from './records.ts'
import { validateExtract } from './rules.ts'
import type { ReturnsStore } from './store.ts'
import type { ComputedResult, UsedExtract, UsedExtracts } from './tables.ts'

/** What the returns need of the outcomes framework: its indicators, periods, population, and to record figures. */
export interface ReturnsFramework {
  importTargets(ctx: Context): Promise<{
    indicators: { code: string; name: string; unit: string }[]
    periods: { slug: string; name: string; endsOn: string }[]
  }>
  populationOf(ctx: Context, year: number): Promise<number | null>
  computedWriter(
    ctx: Context,
    items: {
      code: string
      periodSlug: string
      input: { actual?: number | null; count?: number | null; suppressed?: boolean; note?: string }
    }[],
    provenance: string,
  ): Promise<(trx: Trx) => Promise<unknown>>
}

/** What the returns need of the council's settings. */
export interface ReturnsSettings {
  current(ctx: Context): Promise<{ returnRetentionMonths: number; disclosureThreshold: number }>
}

const YEAR = /^(\d{4})-(\d{2})$/

/** A collection year as the returns name it, like 2023-24, checked: the second year follows the first. */
export function checkedYear(text: string): string {
  const year = text.trim()
  const match = YEAR.exec(year)
  if (!match) throw new RuleError('Enter the collection year like 2023-24', 'year')
  const first = Number(match[1])
  if (first < 2010 || first > 2098) throw new RuleError('Collection year must be from 2010-11 to 2098-99', 'year')
  if (Number(match[2]) !== (first + 1) % 100)
    throw new RuleError(
      `Collection year must be two years in a row, like ${first}-${String((first + 1) % 100).padStart(2, '0')}`,
      'year',
    )
  return year
}

/** The calendar year a collection year ends in: 2024 for 2023-24. */
const endYear = (year: string) => Number(year.slice(0, 4)) + 1
/** The period of the framework a collection year's figures go in: the one that ends on its 31 March. */
const yearEnd = (year: string) => `${endYear(year)}-03-31`

export type ChosenLinks = Record<string, string>

/**
 * The statutory returns: extracts taken in (their rows pseudonymised into the returns' own store,
 * validated against the DfE's rules), the indicators computed from them, reviewed, and published into
 * the outcomes framework with their provenance and disclosure control. Child-level rows are read
 * only by analysts granted child-level data, and every such read is audited.
 */
export function createReturnsService(deps: {
  db: Db
  clock: Clock
  /** The store, opened on first use and kept open (one process at a time may hold it). */
  store: () => Promise<ReturnsStore>
  /** Where uploads and unpacked files wait while they are read: removed straight after. */
  workDir: string
  /** OVERSIGHT_PSEUDONYM_KEY: without it, nothing can be taken in. */
  pseudonymKey: string | undefined
  framework: ReturnsFramework
  settings: ReturnsSettings
}) {
  const { db, clock, framework, settings } = deps

  // One operation on the store at a time: DuckDB's connection runs one statement at a time.
  let queue: Promise<unknown> = Promise.resolve()
  function withStore<T>(work: (store: ReturnsStore) => Promise<T>): Promise<T> {
    const run = queue.then(async () => work(await deps.store()))
    queue = run.catch(() => undefined)
    return run
  }

  async function extractOrThrow(id: string) {
    if (!isUuid(id)) throw new NotFoundError('Extract')
    const extract = await db.selectFrom('returnExtracts').selectAll().where('id', '=', id).executeTakeFirst()
    if (!extract || extract.deletedAt) throw new NotFoundError('Extract')
    return extract
  }

  async function computationOrThrow(id: string) {
    if (!isUuid(id)) throw new NotFoundError('Computation')
    const computation = await db.selectFrom('returnComputations').selectAll().where('id', '=', id).executeTakeFirst()
    if (!computation) throw new NotFoundError('Computation')
    return computation
  }

  /** Child-level rows: analysts whose account an admin has granted child-level data. */
  async function assertChildLevel(ctx: Context) {
    assertCan(ctx.user, 'returns:child-level')
    const account = await db
      .selectFrom('users')
      .select('childLevelData')
      .where('id', '=', ctx.user.id)
      .executeTakeFirst()
    if (!account?.childLevelData) throw new ForbiddenError()
  }

  /**
   * Reads an extract into the store and validates it, then records it (with the audit event) in one
   * transaction; its rows are removed again if that fails. A refused file leaves nothing behind.
   */
  async function take(
    ctx: Context,
    takenBy: string,
    input: { kind: ExtractKind; year: string; path: string; fileName: string },
  ) {
    const year = checkedYear(input.year)
    let key
    try {
      key = pseudonymKeyFromEnvironment({ [PSEUDONYM_KEY_VARIABLE]: deps.pseudonymKey })
    } catch (error) {
      if (error instanceof PseudonymKeyError) throw new RuleError(error.message, 'file')
      throw error
    }
    const id = randomUUID()
    await mkdir(deps.workDir, { recursive: true })
    return withStore(async (store) => {
      const loader = await store.loader(id, TABLES_OF[input.kind])
      let read
      try {
        read = await readExtractInBatches(input.kind, input.path, { key, append: loader.append, workDir: deps.workDir })
        await loader.finish()
      } catch (error) {
        await loader.finish().catch(() => undefined)
        await store.deleteExtract(id)
        if (error instanceof ExtractRefusal || error instanceof FileLimitError || error instanceof UnreadableFileError)
          throw new RuleError(error.message, 'file')
        throw error
      }
      try {
        const report = await validateExtract(store, { id, kind: input.kind, year }, { maxListed: 0 })
        const { result } = read
        return await withTransaction(db, async (trx) => {
          const extract = await trx
            .insertInto('returnExtracts')
            .values({
              id,
              kind: input.kind,
              collectionYear: year,
              fileName: basename(input.fileName).slice(0, 200) || 'extract',
              checksum: read.checksum,
              rowsKept: JSON.stringify(result.kept),
              readProblems: result.problems.length + result.moreProblems,
              readProblemList: JSON.stringify(result.problems.slice(0, 100)),
              ruleFailures: report.failures.length + report.moreFailures,
              failuresByRule: JSON.stringify(report.byRule),
              tablesWithFailures: JSON.stringify(report.tablesWithFailures),
              takenBy,
            })
            .returningAll()
            .executeTakeFirstOrThrow()
          await recordAudit(trx, ctx, {
            action: `took in the ${KIND_NAMES[input.kind]} for ${year}`,
            subjectType: 'return extract',
            subjectId: id,
            after: {
              kind: input.kind,
              year,
              fileName: extract.fileName,
              checksum: extract.checksum,
              rows: result.kept,
            },
          })
          return { extract, problems: result.problems, moreProblems: result.moreProblems }
        })
      } catch (error) {
        await store.deleteExtract(id)
        throw error
      }
    })
  }

  /** Removes an extract's rows from the store and marks it deleted, audited with the reason. */
  async function remove(ctx: Context, id: string, reason: string) {
    const extract = await extractOrThrow(id)
    await withStore((store) => store.deleteExtract(id))
    return withTransaction(db, async (trx) => {
      await trx
        .updateTable('returnExtracts')
        .set({ deletedAt: clock.now(), deletedReason: reason })
        .where('id', '=', id)
        .execute()
      await recordAudit(trx, ctx, {
        action: `deleted the ${KIND_NAMES[extract.kind]} for ${extract.collectionYear}: ${reason}`,
        subjectType: 'return extract',
        subjectId: id,
        before: { fileName: extract.fileName, checksum: extract.checksum },
      })
      return extract
    })
  }

  return {
    /** The extracts taken in (not deleted), newest first, and the computations. */
    async overview(ctx: Context) {
      assertCan(ctx.user, 'returns:manage')
      const [extracts, computations, current] = await Promise.all([
        db
          .selectFrom('returnExtracts')
          .selectAll()
          .where('deletedAt', 'is', null)
          .orderBy('collectionYear', 'desc')
          .orderBy('takenAt', 'desc')
          .execute(),
        db
          .selectFrom('returnComputations')
          .select(['id', 'collectionYear', 'computedBy', 'computedAt', 'publishedAt', 'publishedBy'])
          .orderBy('computedAt', 'desc')
          .limit(50)
          .execute(),
        settings.current(ctx),
      ])
      return {
        extracts,
        computations,
        retentionMonths: current.returnRetentionMonths,
        keySet: Boolean(deps.pseudonymKey),
      }
    },

    /** An analyst's upload: a file held only while it is read. */
    async takeExtract(ctx: Context, input: { kind: ExtractKind; year: string; path: string; fileName: string }) {
      assertCan(ctx.user, 'returns:manage')
      return take(ctx, ctx.user.name, input)
    },

    /** The command line's import, run on the server by whoever may run it there. */
    async takeExtractFromCommand(
      ctx: Context,
      input: { kind: ExtractKind; year: string; path: string },
      takenBy = 'the command line',
    ) {
      return take(ctx, takenBy, { ...input, fileName: basename(input.path) })
    },

    /** An extract with what its validation found, by rule: counts only, no child. */
    async extract(ctx: Context, id: string) {
      assertCan(ctx.user, 'returns:manage')
      return extractOrThrow(id)
    },

    /**
     * The records failing validation, child by child (by pseudonym), table, row and field: child-level
     * data, so granted analysts only, and the read is audited.
     */
    async failures(ctx: Context, id: string) {
      // Those who may see the extracts learn that one is not there; only the granted read its rows.
      assertCan(ctx.user, 'returns:manage')
      const extract = await extractOrThrow(id)
      await assertChildLevel(ctx)
      const report = await withStore((store) =>
        validateExtract(store, { id, kind: extract.kind, year: extract.collectionYear }, { maxListed: 1000 }),
      )
      await withTransaction(db, (trx) =>
        recordAudit(trx, ctx, {
          action: 'read child-level data: the records failing validation',
          subjectType: 'return extract',
          subjectId: id,
        }),
      )
      return { extract, report }
    },

    async deleteExtract(ctx: Context, id: string) {
      assertCan(ctx.user, 'returns:manage')
      return remove(ctx, id, `deleted by ${ctx.user.name}`)
    },

    /** Deletes the extracts older than the council's retention period: what the server does daily. */
    async deleteExpired(ctx: Context, now: Date = clock.now()) {
      const { returnRetentionMonths } = await settings.current(ctx)
      const before = new Date(now)
      before.setUTCMonth(before.getUTCMonth() - returnRetentionMonths)
      const due = await db
        .selectFrom('returnExtracts')
        .select('id')
        .where('deletedAt', 'is', null)
        .where('takenAt', '<', before)
        .execute()
      for (const { id } of due) await remove(ctx, id, `kept for ${returnRetentionMonths} months, the retention period`)
      return due.length
    },

    /** The years that have extracts, and the years with definitions. */
    async years(ctx: Context) {
      assertCan(ctx.user, 'returns:manage')
      const rows = await db
        .selectFrom('returnExtracts')
        .select('collectionYear')
        .distinct()
        .where('deletedAt', 'is', null)
        .orderBy('collectionYear', 'desc')
        .execute()
      return rows.map((row) => row.collectionYear)
    },

    /**
     * Computes every indicator defined for the year from its latest extract of each return, with the
     * framework's population of children for the year's end, and keeps the result for review.
     */
    async compute(ctx: Context, yearText: string) {
      assertCan(ctx.user, 'returns:manage')
      const user = ctx.user
      const year = checkedYear(yearText)
      try {
        listDefinitions(year)
      } catch (error) {
        throw new RuleError(error instanceof Error ? error.message : String(error), 'year')
      }
      const latest = await db
        .selectFrom('returnExtracts')
        .selectAll()
        .where('collectionYear', '=', year)
        .where('deletedAt', 'is', null)
        .orderBy('takenAt', 'desc')
        .execute()
      if (latest.length === 0) throw new RuleError(`There are no extracts for ${year}: take one in first`, 'year')
      const used: UsedExtracts = {}
      const failing = new Set<string>()
      for (const extract of latest) {
        if (used[extract.kind]) continue
        used[extract.kind] = { id: extract.id, checksum: extract.checksum, fileName: extract.fileName }
        for (const table of extract.tablesWithFailures) failing.add(table)
      }
      const population = await framework.populationOf(ctx, endYear(year))
      const computed = await withStore((store) =>
        computeIndicators(store, {
          year,
          extracts: Object.fromEntries(
            (Object.entries(used) as [ExtractKind, UsedExtract][]).map(([kind, e]) => [kind, e.id]),
          ),
          population,
        }),
      )
      const results: ComputedResult[] = computed.map((c) => {
        const kindsRead = new Set(c.tables.map((t) => kindOfTable(t)))
        const missingReturn = [...kindsRead].find((kind) => kind && !used[kind])
        return {
          key: c.key,
          name: c.name,
          unit: c.unit,
          description: c.description,
          numerator: c.numerator,
          denominator: c.denominator,
          value: c.value,
          version: c.version,
          sql: c.sql,
          failingTables: c.tables.filter((t) => failing.has(t)),
          missing: missingReturn
            ? `No ${KIND_NAMES[missingReturn]} for ${year}`
            : c.unit === 'rate per 10000' && population === null
              ? `No population of children for ${endYear(year)}`
              : c.value === null
                ? 'Nothing to divide by'
                : null,
        }
      })
      return withTransaction(db, async (trx) => {
        const computation = await trx
          .insertInto('returnComputations')
          .values({
            collectionYear: year,
            extracts: JSON.stringify(used),
            population,
            results: JSON.stringify(results),
            computedBy: user.name,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        await recordAudit(trx, ctx, {
          action: `computed the indicators for ${year} from the returns`,
          subjectType: 'return computation',
          subjectId: computation.id,
          after: { extracts: used, population },
        })
        return computation
      })
    },

    /** A computation to review: its values as computed, each with the framework indicator it would feed. */
    async computation(ctx: Context, id: string) {
      assertCan(ctx.user, 'returns:manage')
      const computation = await computationOrThrow(id)
      const [{ indicators, periods }, current] = await Promise.all([
        framework.importTargets(ctx),
        settings.current(ctx),
      ])
      const end = yearEnd(computation.collectionYear)
      const period = periods.find((p) => p.endsOn === end) ?? null
      const rows = computation.results.map((result) => ({
        ...result,
        shown: shownValue(result, current.disclosureThreshold),
        choices: indicators.filter((i) => i.unit === frameworkUnit(result.unit)),
      }))
      return { computation, rows, period, threshold: current.disclosureThreshold }
    },

    /**
     * Publishes the chosen values into the framework's period for the year, each as the public may see
     * it (`c` when the count behind it is small), with its provenance, and marks the computation
     * published: all in one transaction.
     */
    async publish(ctx: Context, id: string, links: ChosenLinks) {
      assertCan(ctx.user, 'returns:manage')
      const user = ctx.user
      const { computation, rows, period } = await this.computation(ctx, id)
      if (computation.publishedAt) throw new RuleError('These values have been published already')
      if (!period)
        throw new RuleError(
          `The framework has no period ending on 31 March ${endYear(computation.collectionYear)}: add it under Periods first`,
        )
      const chosen = rows.filter((row) => links[row.key])
      if (chosen.length === 0)
        throw new RuleError(
          'Choose an indicator of the framework for at least one value',
          rows[0] ? `link-${rows[0].key}` : undefined,
        )
      const items = chosen.map((row) => {
        const code = links[row.key]
        if (!row.choices.some((c) => c.code === code))
          throw new RuleError(`${row.name} cannot go in ${code}: its unit is not the same`, `link-${row.key}`)
        if (row.value === null) throw new RuleError(`${row.name} has no value to publish`, `link-${row.key}`)
        const suppressed = row.shown === 'c'
        const extract = (Object.entries(computation.extracts) as [ExtractKind, UsedExtract][])
          .map(([kind, e]) => `${KIND_NAMES[kind]} ${e.fileName} (SHA-256 ${e.checksum.slice(0, 12)})`)
          .join(', ')
        const note = `Computed from the returns: ${row.key} version ${row.version}, from ${extract}, on ${computation.computedAt.toISOString().slice(0, 10)}`
        const input = suppressed
          ? { actual: null, suppressed: true, note }
          : row.unit === 'rate per 10000'
            ? { count: row.numerator, note }
            : { actual: row.value, note }
        return { code, periodSlug: period.slug, input }
      })
      // Checked against the framework before the transaction: an embedded database has one connection.
      const write = await framework.computedWriter(
        ctx,
        items,
        `Computed from the statutory returns, published by ${user.name}`,
      )
      return withTransaction(db, async (trx) => {
        await write(trx)
        const published = await trx
          .updateTable('returnComputations')
          .set({ publishedAt: clock.now(), publishedBy: user.name })
          .where('id', '=', id)
          .where('publishedAt', 'is', null)
          .returningAll()
          .executeTakeFirst()
        if (!published) throw new RuleError('These values have been published already')
        await recordAudit(trx, ctx, {
          action: `published ${items.length} value${items.length === 1 ? '' : 's'} computed from the returns for ${computation.collectionYear}`,
          subjectType: 'return computation',
          subjectId: id,
          after: {
            period: period.slug,
            values: items.map((i) => ({ code: i.code, suppressed: Boolean(i.input.suppressed) })),
          },
        })
        return { computation: published, count: items.length }
      })
    },
  }
}

export type ReturnsService = ReturnType<typeof createReturnsService>

/** The return a store table belongs to, by its name. */
function kindOfTable(table: string): ExtractKind | null {
  for (const [kind, tables] of Object.entries(TABLES_OF) as [ExtractKind, (typeof TABLES_OF)[ExtractKind]][])
    if (tables.some((t) => t.name === table)) return kind
  return null
}

/** The framework's unit for a definition's: an average of days is kept in days. */
function frameworkUnit(unit: string) {
  return unit
}

/**
 * A value as it may be published: `c` when the count it is built on is from 1 to the threshold (the
 * numerator of a percentage or rate, or the children an average is over), else the value.
 */
export function shownValue(
  result: Pick<ComputedResult, 'unit' | 'numerator' | 'denominator' | 'value'>,
  threshold: number,
): number | 'c' | null {
  if (result.value === null) return null
  const options = { threshold }
  if (result.unit === 'percentage') {
    const shown = publishRate(publishCount(result.numerator, options), publishCount(result.denominator ?? 0, options))
    return shown === 'c' ? 'c' : result.value
  }
  if (result.unit === 'rate per 10000' || result.unit === 'count')
    return publishCount(result.numerator, options) === 'c' ? 'c' : result.value
  // An average over children: small when the children are few.
  return publishCount(result.denominator ?? 0, options) === 'c' ? 'c' : result.value
}
