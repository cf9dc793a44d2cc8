import type { CreatedAt, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

/** A health service whose waiting list the committee follows (speech and language therapy, CAMHS…). */
export interface HealthServicesTable {
  id: Uuid
  slug: string
  name: string
  /** Who commissions or reports it, as the dashboard names it: "Blackpool CCG". */
  provider: string
  /** What the wait is measured to: "first contact", "first consultant appointment". */
  waitsTo: string
  position: number
  createdAt: CreatedAt
  version: Version
}

/** One service's figures at the end of one month (`YYYY-MM`). Null: not given by the source. */
export interface WaitingListFiguresTable {
  id: Uuid
  serviceId: string
  month: string
  referralsWaiting: number | null
  over18Weeks: number | null
  over52Weeks: number | null
  over78Weeks: number | null
  averageWeeks: number | null
  longestWeeks: number | null
  /** Where the figures came from: a dashboard, a report, a file. */
  source: string
  note: string
  /** The name of whoever entered them, or "demo data". */
  enteredBy: string
  enteredAt: CreatedAt
}

export interface WaitingListsTables {
  healthServices: HealthServicesTable
  waitingListFigures: WaitingListFiguresTable
}
