import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export type BodyKind =
  | 'council'
  | 'executive'
  | 'committee'
  | 'sub-committee'
  | 'panel'
  | 'task and finish group'
  | 'joint committee'
  | 'board'
export type PersonKind = 'councillor' | 'co-opted member' | 'officer' | 'partner'
export type MembershipRole = 'chair' | 'vice-chair' | 'member' | 'co-opted member' | 'observer'
/** What a co-optee is co-opted as. */
export type CoOptionCategory = 'parent governor' | 'diocesan' | 'other'
/** On which matters a co-optee may vote (parent governor and diocesan representatives: education only). */
export type VotingRights = 'none' | 'all matters' | 'education matters only'

export interface BodiesTable {
  id: Uuid
  slug: string
  name: string
  kind: BodyKind
  remit: string
  establishedOn: IsoDate | null
  dissolvedOn: IsoDate | null
  /** How long its meetings usually last, for calendars when a meeting has no finish time. */
  defaultMeetingMinutes: number | null
  createdAt: CreatedAt
  version: Version
}

/** The body a body reports to (a task and finish group's scrutiny committee), for those that have one. */
export interface BodyParentsTable {
  bodyId: string
  parentId: string
}

export interface PeopleTable {
  id: Uuid
  slug: string
  name: string
  /** "Councillor", "Ms", … as the papers write it before the name; null when none. */
  honorific: string | null
  kind: PersonKind
  organisation: string | null
  jobTitle: string | null
  email: string | null
  phone: string | null
  /** Councillors only. */
  party: string | null
  ward: string | null
  termStartsOn: IsoDate | null
  termEndsOn: IsoDate | null
  /** Co-opted members only. */
  coOptionCategory: CoOptionCategory | null
  createdAt: CreatedAt
  version: Version
}

export interface MembershipsTable {
  id: Uuid
  bodyId: string
  personId: string
  role: MembershipRole
  startsOn: IsoDate | null
  endsOn: IsoDate | null
  /** A co-optee's, on this body (they may vote on one body and not another); null for everyone else. */
  votingRights: VotingRights | null
}

export interface BodiesTables {
  bodies: BodiesTable
  bodyParents: BodyParentsTable
  people: PeopleTable
  memberships: MembershipsTable
}
