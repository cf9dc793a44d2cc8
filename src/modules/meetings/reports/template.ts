/**
 * The council's standard report template: which numbered sections a report has. A section the
 * author left empty is left out and the rest close up, as the council's own papers do.
 */

export const SECTION_HEADINGS = {
  purpose: 'Purpose of the report',
  recommendations: 'Recommendations',
  reasons: 'Reasons for recommendations',
  alternativeOptions: 'Other alternative options to be considered',
  councilPriorities: 'Council priority',
  background: 'Background information',
  appendices: 'List of appendices',
  financial: 'Financial considerations',
  legal: 'Legal considerations',
  humanResources: 'Human resources considerations',
  risk: 'Risk management considerations',
  equalities: 'Equalities considerations and the impact of this decision for our children and young people',
  sustainability: 'Sustainability, climate change and environmental considerations',
  consultation: 'Internal and external consultation undertaken',
  backgroundPapers: 'Background papers',
} as const

export type SectionKey = keyof typeof SECTION_HEADINGS

export interface TemplateReport {
  purpose: string
  recommendations: string[]
  reasons: string
  contraryToPlan: boolean | null
  withinBudget: string | null
  alternativeOptions: string
  councilPriorities: string
  background: string
  financial: string
  legal: string
  humanResources: string
  risk: string
  equalities: string
  sustainability: string
  consultation: string
  backgroundPapers: string
}

export interface ReportSection {
  key: SectionKey
  /** "1.0", "2.0", … */
  number: string
  heading: string
}

function hasContent(report: TemplateReport, key: SectionKey, appendixCount: number): boolean {
  if (key === 'appendices') return appendixCount > 0
  if (key === 'recommendations') return report.recommendations.length > 0
  if (key === 'reasons')
    return Boolean(report.reasons) || report.contraryToPlan !== null || report.withinBudget !== null
  return Boolean(report[key].trim())
}

/** The sections this report has, numbered in the template's order. */
export function reportSections(report: TemplateReport, appendixCount: number): ReportSection[] {
  const keys = (Object.keys(SECTION_HEADINGS) as SectionKey[]).filter((key) => hasContent(report, key, appendixCount))
  return keys.map((key, index) => ({ key, number: `${index + 1}.0`, heading: SECTION_HEADINGS[key] }))
}

/** Recommendations typed one per line: blank lines dropped, and any "2.1" or bullet the author typed. */
export function recommendationsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(\d+\.\d+\.?|[-*•])\s+/, ''))
    .filter(Boolean)
}

/** The yes/no answer to "contrary to a plan or strategy" as the template prints it. */
export function yesNo(value: boolean | null): string {
  if (value === null) return 'Not stated'
  return value ? 'Yes' : 'No'
}
