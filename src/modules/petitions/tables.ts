import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

/** A petition presented to the council, with its signatures and the council's response. */
export interface PetitionsTable {
  id: Uuid
  slug: string
  title: string
  /** '' when not recorded. Shown to the public only when `leadNamed`. */
  leadPetitioner: string
  /** The lead petitioner agreed to be named in public. */
  leadNamed: boolean
  paperSignatures: number
  ePetitionSignatures: number
  /** The body it was presented to. */
  bodyId: string | null
  presentedOn: IsoDate | null
  /** The threshold of the council's petition scheme it met: "Debate at full council". */
  threshold: string
  response: string
  respondedOn: IsoDate | null
  createdAt: CreatedAt
  version: Version
}

export interface PetitionsTables {
  petitions: PetitionsTable
}
