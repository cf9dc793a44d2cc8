/**
 * The council's standard report template: which numbered sections a report has, in which order and
 * under which headings (a council setting). A section the author left empty is left out and the rest
 * close up, as councils' own papers do.
 */

/** The parts of a report, each written in its own field of the report form. */
export const REPORT_PARTS = [
  'purpose',
  'recommendations',
  'reasons',
  'alternativeOptions',
  'councilPriorities',
  'background',
  'appendices',
  'financial',
  'legal',
  'humanResources',
  'risk',
  'equalities',
  'sustainability',
  'consultation',
  'backgroundPapers',
] as const

export type SectionKey = (typeof REPORT_PARTS)[number]

/** One section of the council's template: which part of the report, under which heading. */
export interface TemplateSection {
  key: SectionKey
  heading: string
}

/** The council's template: its sections in order (a council setting). */
export type ReportTemplate = readonly TemplateSection[]

/** The template until a council sets its own: the usual headings of an English council's committee report. */
export const DEFAULT_REPORT_TEMPLATE: ReportTemplate = [
  { key: 'purpose', heading: 'Purpose of the report' },
  { key: 'recommendations', heading: 'Recommendations' },
  { key: 'reasons', heading: 'Reasons for recommendations' },
  { key: 'alternativeOptions', heading: 'Other alternative options to be considered' },
  { key: 'councilPriorities', heading: 'Council priorities' },
  { key: 'background', heading: 'Background information' },
  { key: 'appendices', heading: 'List of appendices' },
  { key: 'financial', heading: 'Financial considerations' },
  { key: 'legal', heading: 'Legal considerations' },
  { key: 'humanResources', heading: 'Human resources considerations' },
  { key: 'risk', heading: 'Risk management considerations' },
  { key: 'equalities', heading: 'Equalities considerations' },
  { key: 'sustainability', heading: 'Sustainability, climate change and environmental considerations' },
  { key: 'consultation', heading: 'Internal and external consultation undertaken' },
  { key: 'backgroundPapers', heading: 'Background papers' },
]

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

/** Every part of a report under its heading: the template's, then any it does not list under the default heading. */
export function templateSections(template: ReportTemplate = DEFAULT_REPORT_TEMPLATE): TemplateSection[] {
  const listed = new Set(template.map((section) => section.key))
  return [...template, ...DEFAULT_REPORT_TEMPLATE.filter((section) => !listed.has(section.key))]
}

function hasContent(report: TemplateReport, key: SectionKey, appendixCount: number): boolean {
  if (key === 'appendices') return appendixCount > 0
  if (key === 'recommendations') return report.recommendations.length > 0
  if (key === 'reasons')
    return Boolean(report.reasons) || report.contraryToPlan !== null || report.withinBudget !== null
  return Boolean(report[key].trim())
}

/**
 * The sections this report has, numbered in the order of the council's template and under its
 * headings. A part the template does not list keeps its default heading, after the others, so no
 * text the author wrote is ever hidden.
 */
export function reportSections(
  report: TemplateReport,
  appendixCount: number,
  template: ReportTemplate = DEFAULT_REPORT_TEMPLATE,
): ReportSection[] {
  return templateSections(template)
    .filter((section) => hasContent(report, section.key, appendixCount))
    .map((section, index) => ({ key: section.key, number: `${index + 1}.0`, heading: section.heading }))
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

/** The answer to "in accordance with the approved budget" as the template prints it. */
export function withinBudgetText(value: string | null): string {
  if (!value) return 'Not stated'
  return value[0].toUpperCase() + value.slice(1)
}

/** The two questions the template asks under the reasons, as the report prints them after "3.2", "3.3". */
export const REASON_QUESTIONS = {
  contraryToPlan: 'Is the recommendation contrary to a plan or strategy adopted or approved by the Council?',
  withinBudget: 'Is the recommendation in accordance with the Council’s approved budget?',
} as const
