import { differenceInDays } from 'date-fns'

export type BackupWarning = { kind: 'never' } | { kind: 'overdue'; days: number } | null

/**
 * Whether the backups page warns: when no backup has been taken, or the newest is `warnDays` days
 * old or more (OVERSIGHT_BACKUP_WARN_DAYS, a week by default). Days are whole days since it was taken.
 */
export function backupWarning(newest: Date | undefined, now: Date, warnDays: number): BackupWarning {
  if (!newest) return { kind: 'never' }
  const days = differenceInDays(now, newest)
  return days >= warnDays ? { kind: 'overdue', days } : null
}
