import type { Db } from '#src/database.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { backupWarning } from './backup-warning.ts'
import { createBackupsRepository } from './records.ts'

export type BackupsService = ReturnType<typeof createBackupsService>

/** What admins see of the backups: the command takes them; the app only reports them. */
export function createBackupsService(deps: { db: Db; now: () => Date; warnDays: number }) {
  const repository = createBackupsRepository(deps.db)
  return {
    /** The backups taken, newest first, and whether the newest is too old (or missing). */
    async overview(ctx: Context) {
      assertCan(ctx.user, 'backups:read')
      const backups = await repository.newestFirst()
      return {
        backups,
        warning: backupWarning(backups[0]?.takenAt, deps.now(), deps.warnDays),
        warnDays: deps.warnDays,
      }
    },
  }
}
