import type { ExemptColumns } from '#src/platform/db/column-types.ts'

/**
 * Exempt information: Part 1 of Schedule 12A to the Local Government Act 1972 lets a council
 * withhold an item, report, appendix or document under one of paragraphs 1–7, and take a key
 * decision in private for the same reasons. The public sees its title and the paragraph; never
 * the content or files.
 */
export const SCHEDULE_12A_PARAGRAPHS: Readonly<Record<number, string>> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice or to make an order or direction',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
}

/** The paragraphs' numbers, 1 to 7. */
export const SCHEDULE_12A_PARAGRAPH_NUMBERS: readonly number[] = Object.keys(SCHEDULE_12A_PARAGRAPHS).map(Number)

/** True for a paragraph of Part 1 of Schedule 12A: a whole number from 1 to 7. */
export function isSchedule12AParagraph(value: unknown): value is number {
  return typeof value === 'number' && Object.hasOwn(SCHEDULE_12A_PARAGRAPHS, value)
}

export function isExempt(record: Pick<ExemptColumns, 'exemptParagraph'>): boolean {
  return record.exemptParagraph !== null && record.exemptParagraph !== undefined
}

/** "Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972". */
export function exemptLabel(paragraph: number): string {
  return `Exempt under paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972`
}

/** What everyone may know of an exempt record: the paragraph and how it reads. */
export interface ExemptNotice {
  paragraph: number
  label: string
}

/** The paragraph of an exempt record as everyone may see it, or null when it is not exempt. */
export function exemptNotice(record: Pick<ExemptColumns, 'exemptParagraph'>): ExemptNotice | null {
  const paragraph = record.exemptParagraph
  return paragraph === null || paragraph === undefined ? null : { paragraph, label: exemptLabel(paragraph) }
}

/** Paragraphs 1 to 7 for a GOV.UK select, with what each covers. */
export function paragraphItems(selected: unknown) {
  const chosen = typeof selected === 'number' || typeof selected === 'string' ? String(selected) : ''
  return [
    { value: '', text: 'Select a paragraph' },
    ...Object.entries(SCHEDULE_12A_PARAGRAPHS).map(([number, text]) => ({
      value: number,
      text: `Paragraph ${number}: ${text}`,
      selected: chosen === number,
    })),
  ]
}
