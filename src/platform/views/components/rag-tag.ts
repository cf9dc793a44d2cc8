/**
 * Every RAG rating the app shows, with its words and its GOV.UK tag colour, wherever it comes from
 * (recommendations, improvement plans, the outcomes framework): one colour and one word per value.
 * The words carry the meaning; the colour only repeats it. Amber is GOV.UK's yellow tag.
 */
export const RAG_TAGS = {
  red: { text: 'Red', classes: 'govuk-tag--red' },
  amber: { text: 'Amber', classes: 'govuk-tag--yellow' },
  green: { text: 'Green', classes: 'govuk-tag--green' },
  complete: { text: 'Complete', classes: 'govuk-tag--blue' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
  dropped: { text: 'Dropped', classes: 'govuk-tag--grey' },
  'target date needed': { text: 'Target date needed', classes: 'govuk-tag--grey' },
  'no milestones': { text: 'No milestones', classes: 'govuk-tag--grey' },
} as const satisfies Record<string, { text: string; classes: string }>

export type RagTagValue = keyof typeof RAG_TAGS
