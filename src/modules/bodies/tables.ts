import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export type BodyKind = 'committee' | 'board' | 'panel' | 'group' | 'executive'
export type PersonKind = 'councillor' | 'co-opted member' | 'officer' | 'partner'
export type MembershipRole = 'chair' | 'vice-chair' | 'member' | 'co-opted member'

export interface BodiesTable {
  id: Uuid
  slug: string
  name: string
  kind: BodyKind
  remit: string
  createdAt: CreatedAt
  version: Version
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
}

export interface BodiesTables {
  bodies: BodiesTable
  people: PeopleTable
  memberships: MembershipsTable
}
