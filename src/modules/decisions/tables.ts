import type { ColumnType } from 'kysely'
import type { CreatedAt, ExemptColumns, IsoDate, Json, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export type CallInStatus = 'none' | 'called in' | 'call-in rejected'

/** Who takes decisions: the executive (cabinet), a cabinet member, a committee, an officer (a key decision). */
export type TakerType = 'executive' | 'cabinet member' | 'committee' | 'officer'

export interface DecisionsTable {
  id: Uuid
  /** From the reference ("EX47/2023" → "ex47-2023"), else from the date and title. */
  slug: string
  /** The council's own reference, if it gives one: "EX47/2023", "FEB14/CAB/09". */
  number: string | null
  title: string
  decidedOn: IsoDate
  /** Exactly one of the two: a body (the Executive, a committee) or a person (a cabinet member, an officer). */
  takerBodyId: string | null
  takerPersonId: string | null
  takerType: TakerType
  /** The decision, part by part, as numbered in the notice. */
  parts: Json<string[]>
  description: string
  reasons: string
  alternativesConsidered: string
  wardsAffected: string
  /** Interests declared by the decision taker, and any dispensation granted. */
  interestsDeclared: string
  contact: string
  effectiveOn: IsoDate | null
  keyDecision: boolean
  publishedOn: IsoDate | null
  callInStatus: CallInStatus
  createdAt: CreatedAt
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>
  version: Version
}

/** A document of a decision: text kept here, or a link; either may be exempt under Schedule 12A. */
export interface DecisionDocumentsTable extends ExemptColumns {
  id: Uuid
  decisionId: string
  /** 1, 2, … within the decision; its address. */
  number: number
  label: string
  title: string
  body: string
  url: string | null
}

/** What the committee that considered a call-in did with one of its recommendations. */
export type CallInOutcome = 'released' | 'referred back' | 'referred to council'

/** A request to call in a decision, and what became of it. */
export interface CallInsTable {
  id: Uuid
  decisionId: string
  /** 1, 2, … within the decision; its address. */
  number: number
  requestedBy: string
  requestedOn: IsoDate
  grounds: string
  /** The meeting that considered it, when it has been. */
  meetingId: string | null
  /** Each recommendation of the committee that considered it, in order, with its outcome. */
  outcomes: Json<{ recommendation: string; outcome: CallInOutcome }[]>
  /** The decision maker's response to a decision referred back. */
  response: string
  createdAt: CreatedAt
  version: Version
}

export interface ForwardPlansTable {
  id: Uuid
  /** The month the plan starts: "2024-01". */
  slug: string
  title: string
  periodFrom: IsoDate
  periodTo: IsoDate
  publishedOn: IsoDate | null
  createdAt: CreatedAt
}

/** Why a key decision is taken without the usual 28 days' notice (2012 Regulations, regs 10 and 11). */
export type Urgency = 'none' | 'general exception' | 'special urgency'

/** A key decision the Leader expects to be taken; "private" is an exemption under Schedule 12A. */
export interface ForwardPlanItemsTable extends ExemptColumns {
  id: Uuid
  planId: string
  /** From the reference: "16/2023" → "16-2023". */
  slug: string
  reference: string
  matter: string
  decisionTaker: string
  cabinetMemberId: string | null
  /** 'YYYY-MM'; the day too in anticipatedOn when it is known. */
  anticipatedMonth: string
  anticipatedOn: IsoDate | null
  consultation: string
  representations: string
  documents: string
  responsibleOfficer: string
  isNew: boolean
  urgency: Urgency
  /** Why it is urgent; '' when it is not. */
  urgencyReason: string
  /** Whether the chair of the scrutiny committee agreed; null when it is not urgent. */
  chairAgreed: boolean | null
  /** The decision, once taken. */
  decisionId: string | null
  version: Version
}

export interface DecisionsTables {
  decisions: DecisionsTable
  decisionDocuments: DecisionDocumentsTable
  callIns: CallInsTable
  forwardPlans: ForwardPlansTable
  forwardPlanItems: ForwardPlanItemsTable
}
