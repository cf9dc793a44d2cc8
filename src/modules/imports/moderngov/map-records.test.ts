import { describe, expect, it } from 'vitest'
import { mapAttendee, mapCommittee, mapCouncillor, mapDocument, mapItem, mapMeeting } from './map-records.ts'
import type { MgAttendee, MgCommittee, MgCouncillor, MgDocument, MgItem, MgMeeting } from './responses.ts'

const at = (record: string, id: string) => ({ file: 'f.xml', record, id, line: 3 })

const committee = (fields: Partial<MgCommittee>): MgCommittee => ({
  ...at('committee', '101'),
  title: 'Children and Young People Scrutiny Committee',
  category: 'Scrutiny',
  expired: false,
  deleted: false,
  ...fields,
})

describe('mapCommittee → body', () => {
  it('keeps the name and tells the kind', () => {
    expect(mapCommittee(committee({}))).toEqual({
      record: {
        source: { system: 'moderngov', id: '101', file: 'f.xml' },
        name: 'Children and Young People Scrutiny Committee',
        kind: 'committee',
      },
      notMapped: [],
    })
    expect(mapCommittee(committee({ title: 'Cabinet', category: '' })).record?.kind).toBe('executive')
  })

  it('says when the kind cannot be told, and when it is expired without a date', () => {
    const mapped = mapCommittee(committee({ title: 'Corporate Parenting Group', category: '', expired: true }))
    expect(mapped.record?.kind).toBe('committee')
    expect(mapped.notMapped.map((note) => note.reason)).toEqual([
      'its kind cannot be told from its title or category: planned as a committee',
      'Modern.gov marks it expired, without a date: planned without a dissolution date',
    ])
  })

  it('leaves out a deleted committee, saying so', () => {
    expect(mapCommittee(committee({ deleted: true }))).toMatchObject({
      record: null,
      notMapped: [{ file: 'f.xml', record: 'committee', id: '101', reason: 'Modern.gov marks it deleted' }],
    })
  })
})

describe('mapCouncillor → person', () => {
  const councillor: MgCouncillor = {
    ...at('councillor', '501'),
    name: 'Councillor Ada Brightwater',
    party: 'Example Independents',
    ward: 'Northgate',
    termStart: '04/05/2023',
    termEnd: 'unspecified',
  }

  it('keeps party and ward, the honorific apart from the name, and a term only when it is a date', () => {
    expect(mapCouncillor(councillor)).toEqual({
      record: {
        source: { system: 'moderngov', id: '501', file: 'f.xml' },
        name: 'Ada Brightwater',
        honorific: 'Councillor',
        kind: 'councillor',
        party: 'Example Independents',
        ward: 'Northgate',
        termStartsOn: '2023-05-04',
        termEndsOn: null,
      },
      notMapped: [],
    })
  })

  it('says so when a term start is not a date', () => {
    expect(mapCouncillor({ ...councillor, termStart: 'May' }).notMapped[0]?.reason).toBe(
      'term start "May" is not a date',
    )
  })
})

const meeting: MgMeeting = {
  ...at('meeting', '2001'),
  committeeId: '101',
  committeeTitle: 'Children and Young People Scrutiny Committee',
  date: '14/03/2024',
  time: '6.00 pm',
  endTime: '20:15',
  status: 'Minutes published',
  location: 'Committee Room A',
  webcastUrl: 'https://webcast.example.org/1',
  attendees: [],
  items: [],
}

describe('mapMeeting → meeting', () => {
  it('gives date, times, venue, status and webcast in the record’s own terms', () => {
    expect(mapMeeting(meeting, '2024-06-01').record).toEqual({
      source: { system: 'moderngov', id: '2001', file: 'f.xml' },
      bodyId: '101',
      date: '2024-03-14',
      startTime: '18:00',
      endTime: '20:15',
      venue: 'Committee Room A',
      status: 'held',
      webcastUrl: 'https://webcast.example.org/1',
    })
  })

  it('takes the time from the date when a meetings list gives them together', () => {
    const { attendees: _a, items: _i, committeeTitle: _c, endTime: _e, webcastUrl: _w, ...summary } = meeting
    expect(mapMeeting({ ...summary, date: '20/06/2024 10:30', time: '' }, '2024-06-01').record).toMatchObject({
      date: '2024-06-20',
      startTime: '10:30',
      endTime: null,
      status: 'scheduled',
      webcastUrl: null,
    })
  })

  it('refuses a meeting without a date, and notes a time it cannot read', () => {
    expect(mapMeeting({ ...meeting, date: 'TBC' }, '2024-06-01')).toMatchObject({
      record: null,
      notMapped: [{ reason: 'its date "TBC" is not a date' }],
    })
    expect(mapMeeting({ ...meeting, time: 'evening' }, '2024-06-01')).toMatchObject({
      record: { startTime: null },
      notMapped: [{ reason: 'its start time "evening" is not a time' }],
    })
  })
})

const item: MgItem = {
  ...at('agenda item', '9102'),
  number: '4',
  subNumber: 'a',
  displayNumber: '4a',
  minuteNumber: 'CYP 2/24',
  title: 'Performance',
  restricted: false,
  text: 'To consider the report.',
  minutesPublished: true,
  minutesHtml: '<p>Considered.</p><p>RESOLVED: noted.</p>',
  documents: [],
}

describe('mapItem → agenda item', () => {
  it('keeps the council’s numbers as text and the published minutes as plain text', () => {
    expect(mapItem(item, '2001', 2)).toEqual({
      record: {
        source: { system: 'moderngov', id: '9102', file: 'f.xml' },
        meetingId: '2001',
        number: '4a',
        position: 2,
        minuteNumber: 'CYP 2/24',
        title: 'Performance',
        purpose: 'To consider the report.',
        exempt: false,
        exemptParagraph: null,
        minute: 'Considered.\n\nRESOLVED: noted.',
      },
      notMapped: [],
    })
  })

  it('builds the number from number and sub-number when no display format is given, and keeps unpublished minutes out', () => {
    expect(mapItem({ ...item, displayNumber: '', minutesPublished: false }, '2001', 2).record).toMatchObject({
      number: '4a',
      minute: '',
    })
    expect(mapItem({ ...item, displayNumber: '', number: '', subNumber: '' }, '2001', 2).record?.number).toBeNull()
  })

  it('makes a restricted item exempt, with the paragraph its text cites or a note that it must be chosen', () => {
    const cited = mapItem(
      { ...item, restricted: true, text: 'Exempt under paragraph 3 of Part 1 of Schedule 12A.' },
      '2001',
      3,
    )
    expect(cited).toMatchObject({ record: { exempt: true, exemptParagraph: 3 }, notMapped: [] })
    const uncited = mapItem({ ...item, restricted: true, text: 'Confidential' }, '2001', 3)
    expect(uncited).toMatchObject({
      record: { exempt: true, exemptParagraph: null },
      notMapped: [
        { reason: 'restricted without the paragraph of Schedule 12A: planned as exempt, paragraph to be chosen' },
      ],
    })
  })
})

describe('mapAttendee → attendance', () => {
  const attendee: MgAttendee = {
    ...at('attendee', '501'),
    name: 'Councillor Ada Brightwater',
    role: 'Chair',
    attendance: 'Present',
  }

  it('ties a known councillor by id, with capacity, status, role and whether they chaired', () => {
    expect(mapAttendee(attendee, '2001', 1, new Set(['501'])).record).toEqual({
      source: { system: 'moderngov', id: '501', file: 'f.xml' },
      meetingId: '2001',
      personId: '501',
      rawName: 'Councillor Ada Brightwater',
      capacity: 'member',
      status: 'present',
      roleAtMeeting: 'Chair',
      chaired: true,
      position: 1,
    })
  })

  it('keeps only the name of someone the folder does not hold, and a chair with apologies did not chair', () => {
    expect(mapAttendee({ ...attendee, attendance: 'Apologies' }, '2001', 1, new Set()).record).toMatchObject({
      personId: null,
      status: 'apologies',
      chaired: false,
    })
  })

  it('does not guess an attendance it does not know', () => {
    expect(mapAttendee({ ...attendee, attendance: 'Tentative' }, '2001', 1, new Set())).toMatchObject({
      record: null,
      notMapped: [{ reason: 'attendance "Tentative" is not one the record keeps' }],
    })
  })
})

describe('mapDocument → document reference', () => {
  const document: MgDocument = {
    ...at('linked document', '7002'),
    title: 'Exempt appendix',
    url: 'https://democracy.example.org/documents/s7002/A.pdf',
    publicationDate: '06/03/2024',
    restricted: true,
  }

  it('keeps title, publication date, the restricted flag and where to fetch it', () => {
    expect(mapDocument(document, '9103').record).toEqual({
      source: { system: 'moderngov', id: '7002', file: 'f.xml' },
      itemId: '9103',
      title: 'Exempt appendix',
      publishedOn: '2024-03-06',
      restricted: true,
      sourceAddress: 'https://democracy.example.org/documents/s7002/A.pdf',
      file: null,
      missing: null,
    })
  })

  it('cannot plan a document with no address', () => {
    expect(mapDocument({ ...document, url: '' }, '9103')).toMatchObject({
      record: null,
      notMapped: [{ reason: 'it has no address to fetch it from' }],
    })
  })
})
