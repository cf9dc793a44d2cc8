import type { ExemptColumns } from '#src/platform/db/column-types.ts'

/**
 * Exempt information: Part 1 of Schedule 12A to the Local Government Act 1972 lets a
 * council withhold an item, report or appendix under one of paragraphs 1–7. The public
 * sees its title and the paragraph; never the content or files.
 */
export const SCHEDULE_12A_PARAGRAPHS: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice or to make an order or direction',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
}

export function isExempt(record: Pick<ExemptColumns, 'exemptParagraph'>): boolean {
  return record.exemptParagraph !== null && record.exemptParagraph !== undefined
}

/** "Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972". */
export function exemptLabel(paragraph: number): string {
  return `Exempt under paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972`
}

/**
 * Whether a viewer may read exempt material of a body. `readableBodyIds` comes from
 * BodiesService.exemptReadableBodyIds: null means every body (staff), [] means none (public).
 */
export function mayReadExempt(readableBodyIds: string[] | null, bodyId: string): boolean {
  return readableBodyIds === null || readableBodyIds.includes(bodyId)
}
