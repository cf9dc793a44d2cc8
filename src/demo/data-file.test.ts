import { describe, expect, it } from 'vitest'
import { demoMeetingsSchema } from '#src/modules/meetings/index.ts'
import { demoWorkProgrammeSchema } from '#src/modules/workprogramme/index.ts'
import { DemoDataError, dataFiles, parseDataFile } from './data-file.ts'
import { DATA_FILES, MEETING_FILE, readDemoDataset } from './dataset.ts'

const meetings = demoMeetingsSchema.pick({ meetings: true })

const MEETING = `
source: The minutes of 21 September 2023.
meetings:
  - body: children-and-young-peoples-scrutiny-committee
    date: 2023-09-21
    startTime: null
    venue: ''
    status: held
    agendaPublishedOn: 2023-09-13
    items:
      - { number: 1, title: Declarations of interest, purpose: Members declare any interest. }
      - { number: 2, title: Family safeguarding model, purpose: To hear plans., pages: [3, 9] }
`

function problemWith(text: string): string {
  try {
    parseDataFile('test.yaml', text, meetings)
  } catch (error) {
    expect(error).toBeInstanceOf(DemoDataError)
    return (error as Error).message
  }
  throw new Error('the file was read without complaint')
}

describe('a demo data file', () => {
  it('gives the records it holds, with the defaults filled in', () => {
    const {
      meetings: [meeting],
    } = parseDataFile('test.yaml', MEETING, meetings)
    expect(meeting.date).toBe('2023-09-21')
    expect(meeting.notes).toBe('')
    expect(meeting.items.map((item) => [item.number, item.minute, item.pages])).toEqual([
      [1, '', undefined],
      [2, '', [3, 9]],
    ])
  })

  it('that is not YAML fails naming the file and the line', () => {
    const twice = MEETING.replace('    date: 2023-09-21\n', '    date: 2023-09-21\n    date: 2023-09-22\n')
    expect(problemWith(twice)).toMatch(/^src\/demo\/data\/test\.yaml: Map keys must be unique at line 6/)
  })

  it('must say where its facts come from', () => {
    expect(problemWith(MEETING.replace('source: The minutes of 21 September 2023.', 'source: ""'))).toBe(
      'src/demo/data/test.yaml: the file must open with source: the papers its facts come from',
    )
  })

  it('that breaks the schema fails naming the file, the record and the field', () => {
    const message = problemWith(MEETING.replace('pages: [3, 9]', 'pages: [3, nine]'))
    expect(message).toBe(
      'src/demo/data/test.yaml, in the record with title "Family safeguarding model", meetings.0.items.1.pages.1: ' +
        'Invalid input: expected number, received string',
    )
  })

  it('refuses a field the records do not have, so that a misspelt one is not silently dropped', () => {
    const message = problemWith(MEETING.replace('purpose: To hear plans.', 'purpos: To hear plans.'))
    expect(message).toContain('in the record with title "Family safeguarding model"')
    expect(message).toContain('Unrecognized key: "purpos"')
    expect(message).toContain('meetings.0.items.1.purpose: Invalid input: expected string, received undefined')
  })

  it('refuses a date that is not on the calendar and a value not on the list', () => {
    const message = problemWith(MEETING.replace('2023-09-21', '2023-09-31').replace('status: held', 'status: over'))
    expect(message).toContain('meetings.0.date: Expected a real date, YYYY-MM-DD')
    expect(message).toContain('meetings.0.status: Invalid option')
    expect(message).toContain('in the record with date "2023-09-31"')
  })

  it('runs the checks of the records across fields', () => {
    const text = `
source: Appendix 10(a).
body: children-and-young-peoples-scrutiny-committee
items:
  - title: Special Guardianship Orders
    meeting: 2024-01-25-children-and-young-peoples-scrutiny-committee
    month: 2024-01
    kind: briefing or training
    origin: recommendation
    status: scheduled
`
    expect(() => parseDataFile('work.yaml', text, demoWorkProgrammeSchema)).toThrow(
      'src/demo/data/work.yaml, in the record with title "Special Guardianship Orders", items.0: ' +
        'A topic is scheduled to a meeting or to a month, not both',
    )
  })
})

describe('the demo dataset', () => {
  it('reads every file in src/demo/data, and they all fit', () => {
    const read = [...DATA_FILES, ...dataFiles().filter((file) => MEETING_FILE.test(file))]
    expect([...read].sort()).toEqual(dataFiles())
    const dataset = readDemoDataset()
    expect(dataset.meetings.meetings.map((meeting) => meeting.date)).toEqual([
      '2018-04-12',
      '2023-09-21',
      '2023-11-09',
      '2024-01-25',
      '2024-03-27',
    ])
    expect(dataset.minutes.minutes.map((minutes) => minutes.meeting.slice(0, 10))).toEqual(['2023-09-21', '2023-11-09'])
  })
})
