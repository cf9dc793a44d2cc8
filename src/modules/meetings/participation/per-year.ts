import type { MunicipalYear } from '#src/platform/rules/municipal-year.ts'

/** What happened on one day: public questions and motions at a meeting, or a petition presented. */
export interface ParticipationOnDay {
  date: string
  questions?: number
  motions?: number
  petitions?: number
}

export interface ParticipationInYear {
  year: string
  questions: number
  petitions: number
  motions: number
}

/** The counts added up per municipal year, the latest year first; years with nothing are left out. */
export function participationPerYear(
  days: ParticipationOnDay[],
  yearOf: (date: string) => MunicipalYear,
): ParticipationInYear[] {
  const years = new Map<number, ParticipationInYear>()
  for (const day of days) {
    const { start, label } = yearOf(day.date)
    const year = years.get(start) ?? { year: label, questions: 0, petitions: 0, motions: 0 }
    year.questions += day.questions ?? 0
    year.petitions += day.petitions ?? 0
    year.motions += day.motions ?? 0
    years.set(start, year)
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, year]) => year)
    .filter((year) => year.questions + year.petitions + year.motions > 0)
}
