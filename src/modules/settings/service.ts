import type { Db } from '#src/database.ts'
import { DEFAULT_PUBLICATION_NOTICE, DEFAULT_REPORT_TEMPLATE } from '#src/modules/meetings/index.ts'
import { DEFAULT_UPDATE_REQUEST_DAYS } from '#src/modules/notifications/index.ts'
import { DEFAULT_RETURN_RETENTION_MONTHS, DEFAULT_THRESHOLD } from '#src/modules/returns/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { readUntilChanged } from '#src/platform/request-reads.ts'
import { dataVersion } from '#src/platform/db/data-version.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import {
  DEFAULT_MUNICIPAL_YEAR_START,
  type MunicipalYear,
  municipalYearOf,
} from '#src/platform/rules/municipal-year.ts'
import type { SettingsRepository, SettingsRow, SettingsValues } from './repository.ts'

/** The settings as every page and rule reads them; version 0 until an admin first saves. */
export type CouncilSettings = SettingsValues & { version: number }

/**
 * The settings of a council that has not set its own: the common rules (call-in within five clear
 * working days, papers out five clear working days before a meeting, the usual report template, a
 * municipal year from May)
 * and the name given to OVERSIGHT_COUNCIL_NAME, if any.
 */
export function defaultSettings(councilName: string | null): CouncilSettings {
  return {
    councilName,
    callInDays: 5,
    callInKind: 'working',
    noticeDays: DEFAULT_PUBLICATION_NOTICE,
    reportSections: DEFAULT_REPORT_TEMPLATE,
    decisionReferenceHint: null,
    forwardPlanReferenceHint: null,
    minutesReferenceHint: null,
    municipalYearStartMonth: DEFAULT_MUNICIPAL_YEAR_START,
    updateRequestDays: DEFAULT_UPDATE_REQUEST_DAYS,
    returnRetentionMonths: DEFAULT_RETURN_RETENTION_MONTHS,
    disclosureThreshold: DEFAULT_THRESHOLD,
    version: 0,
  }
}

const settingsValues = ({ id: _id, version: _version, ...values }: SettingsRow): SettingsValues => values

export function createSettingsService(deps: {
  db: Db
  repository: SettingsRepository
  /** OVERSIGHT_COUNCIL_NAME: the council's name until an admin sets one. */
  councilName?: string
  /** Keep the settings from one request to the next until the data changes (readUntilChanged). */
  readsAcrossRequests?: boolean
}) {
  const { db, repository: repo } = deps
  const defaults = defaultSettings(deps.councilName || null)

  const read = async (): Promise<CouncilSettings> => {
    const row = await repo.find()
    return row ? { ...settingsValues(row), version: row.version } : defaults
  }
  // Read once a request, and kept until the data changes: a page's rules and sections each ask for the
  // settings they use, and nearly every page has some.
  const current = readUntilChanged('council settings', read, { acrossRequests: deps.readsAcrossRequests ?? false })

  // The name every page's footer shows, kept in memory so that no page pays a query for it: read again
  // by the first request after any change is committed (freshPageName), here or, on PostgreSQL, in
  // another process (the change feed moves the data version for those too).
  let pageName = defaults.councilName
  let pageNameVersion: number | undefined

  return {
    /** The council's settings now. Public facts, read by every page and rule: no permission needed. */
    async current(ctx: Context): Promise<CouncilSettings> {
      return current(ctx)
    },

    /** The call-in rule of the decisions register: how many days, working or calendar. */
    async callInRule(ctx: Context) {
      const { callInDays, callInKind } = await current(ctx)
      return { days: callInDays, kind: callInKind }
    },

    /** The report template's sections, in order, with the council's headings. */
    async reportTemplate(ctx: Context) {
      return (await current(ctx)).reportSections
    },

    /** The municipal year of each date ('YYYY-MM-DD'), as the council's year starts. */
    async municipalYears(ctx: Context): Promise<(date: string) => MunicipalYear> {
      const { municipalYearStartMonth } = await current(ctx)
      return (date) => municipalYearOf(date, municipalYearStartMonth)
    },

    /** The council's name, or null while none is set. */
    async councilName(ctx: Context) {
      return (await current(ctx)).councilName
    },

    /**
     * Reads the council's name for the pages' footers, as the request's settings (no query of its
     * own), when the data has changed since it was last read. A change committed while reading is read
     * again by the next request.
     */
    async freshPageName(ctx: Context) {
      const version = dataVersion()
      if (pageNameVersion === version) return
      pageName = (await current(ctx)).councilName
      pageNameVersion = version
    },

    /** The council's name as every page's footer shows it, without a query (freshPageName); null while none is set. */
    pageName: () => pageName,

    /** The settings for an admin's form. */
    async settingsToEdit(ctx: Context) {
      assertCan(ctx.user, 'settings:edit')
      return current(ctx)
    },

    /**
     * Changes some of the settings, the rest staying as they are. Refused (EditConflictError) unless
     * the settings are still at `version`, the one the form was opened at (0: never saved).
     */
    async changeSettings(ctx: Context, version: number | null, change: Partial<SettingsValues>) {
      assertCan(ctx.user, 'settings:edit')
      const saved = await withTransaction(db, async (trx) => {
        const before = await repo.find(trx)
        const values = {
          ...(before ? settingsValues(before) : settingsValues({ ...defaults, id: 'council' })),
          ...change,
        }
        const after = await writeAtVersion(
          trx,
          {
            what: 'The council settings',
            plural: true,
            subjectType: 'council settings',
            subjectId: 'council',
            expected: version,
          },
          (at) => (at === 0 ? repo.insert(trx, values) : repo.update(trx, at, values)),
          () => repo.find(trx),
        )
        await recordAudit(trx, ctx, {
          action: 'changed council settings',
          subjectType: 'council settings',
          subjectId: 'council',
          before: before ?? null,
          after,
        })
        return after
      })
      return saved
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
