import { can } from '#src/platform/auth/permissions.ts'
import type { User } from '#src/platform/auth/user.ts'
import type { MinutesStatus } from '../tables.ts'

/**
 * Whether this viewer may read minutes with `status` (none when undefined): published and approved
 * minutes are public; a draft only for those who record minutes.
 */
export function mayReadMinutes(
  user: null,
  status: MinutesStatus | null | undefined,
): status is Exclude<MinutesStatus, 'draft'>
export function mayReadMinutes(user: User | null, status: MinutesStatus | null | undefined): status is MinutesStatus
export function mayReadMinutes(user: User | null, status: MinutesStatus | null | undefined): boolean {
  return Boolean(status && (status !== 'draft' || can(user, 'minutes:edit')))
}
