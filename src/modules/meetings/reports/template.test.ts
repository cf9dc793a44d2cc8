import { describe, expect, it } from 'vitest'
import { DEFAULT_REPORT_TEMPLATE, type TemplateReport, recommendationsFromText, reportSections } from './template.ts'

const empty: TemplateReport = {
  purpose: '',
  recommendations: [],
  reasons: '',
  contraryToPlan: null,
  withinBudget: null,
  alternativeOptions: '',
  councilPriorities: '',
  background: '',
  financial: '',
  legal: '',
  humanResources: '',
  risk: '',
  equalities: '',
  sustainability: '',
  consultation: '',
  backgroundPapers: '',
}

describe('reportSections', () => {
  it('numbers every section of a full report in the template order', () => {
    const full: TemplateReport = {
      ...empty,
      ...Object.fromEntries(
        Object.entries(empty).map(([key, value]) => [key, typeof value === 'string' ? 'Text.' : value]),
      ),
      recommendations: ['To note the report.'],
    }
    const sections = reportSections(full, 2)
    expect(sections.map((s) => `${s.number} ${s.heading}`)).toEqual([
      '1.0 Purpose of the report',
      '2.0 Recommendations',
      '3.0 Reasons for recommendations',
      '4.0 Other alternative options to be considered',
      '5.0 Council priorities',
      '6.0 Background information',
      '7.0 List of appendices',
      '8.0 Financial considerations',
      '9.0 Legal considerations',
      '10.0 Human resources considerations',
      '11.0 Risk management considerations',
      '12.0 Equalities considerations',
      '13.0 Sustainability, climate change and environmental considerations',
      '14.0 Internal and external consultation undertaken',
      '15.0 Background papers',
    ])
  })

  it.each([
    { name: 'an empty report has no sections', report: empty, appendices: 0, expected: [] },
    {
      name: 'empty sections are left out and the rest close up',
      report: { ...empty, purpose: 'Why.', legal: 'None.' },
      appendices: 0,
      expected: ['1.0 purpose', '2.0 legal'],
    },
    {
      name: 'answering the budget question alone gives a reasons section',
      report: { ...empty, withinBudget: 'not applicable' },
      appendices: 0,
      expected: ['1.0 reasons'],
    },
    {
      name: 'appendices give a list of appendices',
      report: { ...empty, background: 'Context.' },
      appendices: 1,
      expected: ['1.0 background', '2.0 appendices'],
    },
    { name: 'blank text counts as empty', report: { ...empty, risk: '  ' }, appendices: 0, expected: [] },
  ])('$name', ({ report, appendices, expected }) => {
    expect(reportSections(report, appendices).map((s) => `${s.number} ${s.key}`)).toEqual(expected)
  })
})

describe('reportSections in a council’s own template', () => {
  const report = { ...empty, purpose: 'Why.', background: 'Context.', legal: 'None.' }

  it('numbers the sections in the template’s order, under its headings', () => {
    const template = [
      { key: 'background', heading: 'Context' },
      { key: 'purpose', heading: 'What this report is for' },
      ...DEFAULT_REPORT_TEMPLATE.filter((s) => s.key !== 'background' && s.key !== 'purpose'),
    ] as const
    expect(reportSections(report, 0, template).map((s) => `${s.number} ${s.heading}`)).toEqual([
      '1.0 Context',
      '2.0 What this report is for',
      '3.0 Legal considerations',
    ])
  })

  it('still shows a part the template leaves out, after the rest, under its usual heading', () => {
    const template = [{ key: 'legal', heading: 'Legal implications' }] as const
    expect(reportSections(report, 0, template).map((s) => `${s.number} ${s.heading}`)).toEqual([
      '1.0 Legal implications',
      '2.0 Purpose of the report',
      '3.0 Background information',
    ])
  })
})

describe('recommendationsFromText', () => {
  it.each([
    { text: 'To note the report.\nTo ask for an update.', expected: ['To note the report.', 'To ask for an update.'] },
    { text: '\r\n  To note.  \r\n\r\n', expected: ['To note.'] },
    { text: '2.1 To note.\n2.2. To agree.\n- To ask.', expected: ['To note.', 'To agree.', 'To ask.'] },
    { text: '2024 budget to be reviewed.', expected: ['2024 budget to be reviewed.'] },
    { text: '', expected: [] },
  ])('reads $text', ({ text, expected }) => {
    expect(recommendationsFromText(text)).toEqual(expected)
  })
})
