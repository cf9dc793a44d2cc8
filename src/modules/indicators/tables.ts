import type { ColumnType } from 'kysely'
import type { CreatedAt, IsoDate, Uuid } from '#src/platform/db/column-types.ts'
import type { Version } from '#src/platform/db/version.ts'

export const UNITS = ['count', 'percentage', 'rate per 10000', 'weeks', 'days', 'score'] as const
export type IndicatorUnit = (typeof UNITS)[number]
export const POLARITIES = ['higher is better', 'lower is better', 'neither'] as const
export type IndicatorPolarity = (typeof POLARITIES)[number]
export const ASPIRATIONS = ['increase', 'decrease', 'maintain'] as const
export type Aspiration = (typeof ASPIRATIONS)[number]

export interface IndicatorsTable {
  id: Uuid
  /** Short and stable, used in import files: "OF3.1", "PQ4". */
  code: string
  name: string
  /** The key of its group (indicator_groups.key). */
  indicatorGroup: string
  unit: IndicatorUnit
  polarity: IndicatorPolarity
  decimals: number
  /** How far from target (relative: 0.05 is 5%) still counts as amber rather than red. */
  tolerance: ColumnType<number, number | undefined, number>
  definition: string
  source: string
  owner: string
  /** The council's own reference, such as a practice obsession's number. */
  reference: string
  /** Published indicators are public; the rest are seen only when signed in. */
  published: boolean
  position: number
  createdAt: CreatedAt
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>
  version: Version
}

/** One of the council's groups of indicators: an outcome, a theme. Shown in order of position. */
export interface IndicatorGroupsTable {
  id: Uuid
  /** Made from the first name, and kept when the group is renamed: indicators name their group by it. */
  key: string
  name: string
  position: number
  version: Version
  createdAt: CreatedAt
}

/** A reporting period: "Baseline April 2023", "October 2023", a month or a quarter. */
export interface IndicatorPeriodsTable {
  id: Uuid
  slug: string
  name: string
  endsOn: IsoDate
  isBaseline: boolean
}

/** One indicator in one period. A target, or none and an aspiration (the direction wanted). */
export interface IndicatorValuesTable {
  id: Uuid
  indicatorId: string
  periodId: string
  target: number | null
  aspiration: Aspiration | null
  actual: number | null
  /** For a rate per 10,000: the count it was worked out from. */
  actualCount: number | null
  note: string
  england: number | null
  region: number | null
  statisticalNeighbours: number | null
  benchmarkSource: string
  /** Where the actual came from: "Entered by …", or the file it was imported from. */
  provenance: string
  /** Published as `c`: computed from the returns on a count too small to show (the actual is then empty). */
  suppressed: boolean
  enteredBy: string
  enteredAt: CreatedAt
  version: Version
}

/** Children aged 0–17 living in the area, by year: the denominator of rates per 10,000. */
export interface ChildPopulationsTable {
  year: number
  children: number
  source: string
}

/** A work-programme item that looks at an indicator. */
export interface IndicatorWorkProgrammeLinksTable {
  indicatorId: string
  workProgrammeItemId: string
  createdAt: CreatedAt
}

/** An improvement-plan action whose progress the indicator measures. */
export interface IndicatorActionLinksTable {
  indicatorId: string
  actionId: string
  createdAt: CreatedAt
}

export interface IndicatorsTables {
  indicators: IndicatorsTable
  indicatorGroups: IndicatorGroupsTable
  indicatorPeriods: IndicatorPeriodsTable
  indicatorValues: IndicatorValuesTable
  childPopulations: ChildPopulationsTable
  indicatorWorkProgrammeLinks: IndicatorWorkProgrammeLinksTable
  indicatorActionLinks: IndicatorActionLinksTable
}
