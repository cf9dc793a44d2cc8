import type { Selectable } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { nextVersion } from '#src/platform/db/version.ts'
import type { CouncilSettingsTable } from './tables.ts'

export type SettingsRow = Selectable<CouncilSettingsTable>

/** The settings as a form saves them: all but the id, always 'council', and the version. */
export type SettingsValues = Omit<SettingsRow, 'id' | 'version'>

const json = (values: SettingsValues) => ({ ...values, reportSections: JSON.stringify(values.reportSections) })

export function createSettingsRepository(db: Db) {
  return {
    /** The council's settings, or undefined before an admin first saves them. */
    find(trx: Trx | Db = db): Promise<SettingsRow | undefined> {
      return trx.selectFrom('councilSettings').selectAll().where('id', '=', 'council').executeTakeFirst()
    },
    /** The first save: undefined when someone else saved first. */
    insert(trx: Trx, values: SettingsValues): Promise<SettingsRow | undefined> {
      return trx
        .insertInto('councilSettings')
        .values({ id: 'council', ...json(values) })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returningAll()
        .executeTakeFirst()
    },
    /** A later save, only over `version`: undefined when the settings have moved on. */
    update(trx: Trx, version: number, values: SettingsValues): Promise<SettingsRow | undefined> {
      return trx
        .updateTable('councilSettings')
        .set({ ...json(values), version: nextVersion() })
        .where('id', '=', 'council')
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst()
    },
  }
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>
