import { describe, expect, it } from 'vitest'
import type { DocxParagraph } from '#src/platform/files/document-text.ts'
import { headingKey, reportFromWord } from './from-word.ts'
import { DEFAULT_REPORT_TEMPLATE } from './template.ts'

const heading = (text: string, level = 2): DocxParagraph => ({
  text,
  style: `Heading${level}`,
  headingLevel: level,
  list: null,
})
const para = (text: string): DocxParagraph => ({ text, style: '', headingLevel: null, list: null })
const item = (text: string, list: 'bullet' | 'numbered'): DocxParagraph => ({
  text,
  style: '',
  headingLevel: null,
  list,
})

describe('headingKey', () => {
  it.each([
    ['3.0 Reasons for recommendations', 'reasons for recommendations'],
    ['3. REASONS  FOR recommendations:', 'reasons for recommendations'],
    ['3.1.2 Background information.', 'background information'],
    ['Council’s priorities', "council's priorities"],
  ])('reads %j as %j', (text, key) => expect(headingKey(text)).toBe(key))
})

describe('filling a report from a Word document', () => {
  it('fills the sections whose headings match, and says what did not', () => {
    const read = reportFromWord(
      [
        heading('Fostering update', 1),
        para('Report to: Children and Young People’s Scrutiny Committee'),
        heading('1.0 PURPOSE OF THE REPORT'),
        para('To update the committee.\nWith a second line.'),
        heading('2. Recommendations'),
        para('2.1 To note the report.'),
        item('To ask for more.', 'bullet'),
        heading('3.0 Reasons for recommendations'),
        para('The committee asked.'),
        para('3.2 Is the recommendation contrary to a plan or strategy adopted or approved by the Council? No'),
        para('3.3 Is the recommendation in accordance with the Council’s approved budget? Not applicable'),
        heading('6.0 Background information'),
        para('Carers are needed.'),
        heading('Carers by area', 3),
        item('North', 'bullet'),
        item('South', 'bullet'),
        item('First step', 'numbered'),
        item('Second step', 'numbered'),
        heading('Our comments'),
        para('Words under a heading the template does not have.'),
        para('Financial considerations'),
        para('None.'),
      ],
      DEFAULT_REPORT_TEMPLATE,
    )
    expect(read.sections.map(({ key, found, text }) => ({ key, found, text }))).toEqual([
      { key: 'purpose', found: '1.0 PURPOSE OF THE REPORT', text: 'To update the committee.\nWith a second line.' },
      { key: 'recommendations', found: '2. Recommendations', text: 'To note the report.\nTo ask for more.' },
      { key: 'reasons', found: '3.0 Reasons for recommendations', text: 'The committee asked.' },
      {
        key: 'background',
        found: '6.0 Background information',
        text: 'Carers are needed.\n\nCarers by area\n\n- North\n- South\n\n1. First step\n2. Second step',
      },
      { key: 'financial', found: 'Financial considerations', text: 'None.' },
    ])
    expect(read.contraryToPlan).toBe(false)
    expect(read.withinBudget).toBe('not applicable')
    expect(read.unmatchedHeadings).toEqual(['Our comments'])
    expect(read.leftOut).toEqual([
      'Fostering update',
      'Report to: Children and Young People’s Scrutiny Committee',
      'Words under a heading the template does not have.',
    ])
  })

  it('leaves the two questions unanswered when the document does not give them', () => {
    const read = reportFromWord([heading('Reasons for recommendations'), para('Because.')], DEFAULT_REPORT_TEMPLATE)
    expect(read.contraryToPlan).toBeUndefined()
    expect(read.withinBudget).toBeUndefined()
  })

  it('matches the council’s own headings', () => {
    const template = [{ key: 'purpose' as const, heading: 'Summary' }]
    const read = reportFromWord([heading('1 Summary'), para('In short.')], template)
    expect(read.sections).toEqual([{ key: 'purpose', heading: 'Summary', found: '1 Summary', text: 'In short.' }])
  })
})
