import type { DocxParagraph } from '#src/platform/files/document-text.ts'
import {
  type ReportTemplate,
  type SectionKey,
  REASON_QUESTIONS,
  recommendationsFromText,
  templateSections,
} from './template.ts'

/** A section of the template found in the document: its heading as written there, and what it fills. */
export interface FoundSection {
  key: SectionKey
  heading: string
  /** The heading as the document wrote it. */
  found: string
  /** The section's text as the report form takes it (for recommendations, one to a line); '' for the appendices. */
  text: string
}

export interface ReportFromWord {
  sections: FoundSection[]
  /** Headings that match no section of the template: they and their text are left out. */
  unmatchedHeadings: string[]
  /** Paragraphs left out: before the first section (the title and front matter), or under an unmatched heading. */
  leftOut: string[]
  /** The answers to the template's two questions under the reasons, when the document gives them. */
  contraryToPlan?: boolean | null
  withinBudget?: string | null
}

/**
 * A heading as compared with the template's: case and spacing ignored, curly quotes straight, and
 * without a leading number ("3.", "3.0", "3.1.2") or a trailing full stop or colon.
 */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d+(?:\.\d+)*\.?\s*/, '')
    .replace(/[.:]$/, '')
    .trim()
}

const CONTRARY = new RegExp(`${questionPattern(REASON_QUESTIONS.contraryToPlan)}\\s*(yes|no|not stated)\\.?$`, 'i')
const BUDGET = new RegExp(
  `${questionPattern(REASON_QUESTIONS.withinBudget)}\\s*(yes|no|not applicable|not stated)\\.?$`,
  'i',
)

function questionPattern(question: string): string {
  return headingKey(question).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Fills a report's sections from the paragraphs of a Word document: each heading that matches one of
 * the template's (see headingKey) starts that section; a heading one level deeper than the section's
 * stays in its text; any other heading matches nothing and is left out with its text, and so is what
 * comes before the first section. The report's own download reads back as the report it was.
 */
export function reportFromWord(paragraphs: DocxParagraph[], template: ReportTemplate): ReportFromWord {
  const byHeading = new Map(templateSections(template).map((section) => [headingKey(section.heading), section]))
  const result: ReportFromWord = { sections: [], unmatchedHeadings: [], leftOut: [] }
  const content = new Map<SectionKey, DocxParagraph[]>()
  let current: { key: SectionKey; level: number } | null = null
  for (const paragraph of paragraphs) {
    const text = paragraph.text.trim()
    if (!text) continue
    const section = byHeading.get(headingKey(text))
    const level = paragraph.headingLevel
    if (section && (level !== null || paragraph.list === null)) {
      if (!content.has(section.key)) {
        content.set(section.key, [])
        result.sections.push({ key: section.key, heading: section.heading, found: text, text: '' })
      }
      current = { key: section.key, level: level ?? 0 }
    } else if (level !== null && content.size > 0 && !(current && current.level > 0 && level > current.level)) {
      result.unmatchedHeadings.push(text)
      current = null
    } else if (current) content.get(current.key)!.push(paragraph)
    else result.leftOut.push(text)
  }
  for (const found of result.sections) {
    const inSection = content.get(found.key) ?? []
    if (found.key === 'recommendations') found.text = recommendationsText(inSection)
    else if (found.key === 'reasons') found.text = reasonsText(inSection, result)
    else if (found.key !== 'appendices') found.text = sectionText(inSection)
  }
  return result
}

function recommendationsText(paragraphs: DocxParagraph[]): string {
  return recommendationsFromText(paragraphs.map((paragraph) => paragraph.text).join('\n')).join('\n')
}

/** The reasons' text, the two questions' answers taken out of it into `result`. */
function reasonsText(paragraphs: DocxParagraph[], result: ReportFromWord): string {
  const rest = paragraphs.filter((paragraph) => {
    const key = headingKey(paragraph.text)
    const contrary = CONTRARY.exec(key)?.[1]
    const budget = BUDGET.exec(key)?.[1]
    if (contrary) result.contraryToPlan = contrary === 'not stated' ? null : contrary === 'yes'
    if (budget) result.withinBudget = budget === 'not stated' ? null : budget
    return !contrary && !budget
  })
  return sectionText(rest)
}

/** Paragraphs as the report form's text: blank lines between paragraphs, list items a line each. */
function sectionText(paragraphs: DocxParagraph[]): string {
  const blocks: string[] = []
  let list = null as { kind: 'bullet' | 'numbered'; lines: string[] } | null
  const close = () => {
    if (list) blocks.push(list.lines.join('\n'))
    list = null
  }
  for (const paragraph of paragraphs) {
    const text = paragraph.text
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .trim()
    if (!paragraph.list) {
      close()
      blocks.push(text)
      continue
    }
    if (list?.kind !== paragraph.list) close()
    list ??= { kind: paragraph.list, lines: [] }
    const line = text.replace(/\n/g, ' ')
    list.lines.push(paragraph.list === 'bullet' ? `- ${line}` : `${list.lines.length + 1}. ${line}`)
  }
  close()
  return blocks.join('\n\n')
}
