import { describe, expect, it } from 'vitest'
import { readXml, readXmlFile } from '#src/platform/xml/read-xml.ts'
import { readResponseFolder } from './read-folder.ts'
import { type MgResponse, readModernGovResponse } from './responses.ts'

const FIXTURES = 'test/fixtures/moderngov'

async function fixture(file: string) {
  const xml = await readXmlFile(`${FIXTURES}/${file}`)
  if (!xml.ok) throw new Error(xml.message)
  const read = readModernGovResponse(file, xml.root)
  if (!read.ok) throw new Error(read.message)
  return read
}

function as<K extends MgResponse['kind']>(response: MgResponse, kind: K) {
  if (response.kind !== kind) throw new Error(`${response.kind}, not ${kind}`)
  return response as Extract<MgResponse, { kind: K }>
}

describe('readModernGovResponse', () => {
  it('reads GetCommittees', async () => {
    const { response, unknown } = await fixture('committees.xml')
    const { committees } = as(response, 'committees')
    expect(unknown).toEqual([])
    expect(
      committees.map((committee) => [committee.id, committee.title, committee.category, committee.expired]),
    ).toEqual([
      ['101', 'Children and Young People Scrutiny Committee', 'Scrutiny', false],
      ['102', 'Cabinet', 'Executive', false],
      ['103', 'Fostering Panel Sub-Committee', 'Regulatory', true],
      ['104', 'Corporate Parenting Group', '', false],
    ])
  })

  it('reads a GetMeetings list', async () => {
    const { meetings } = as((await fixture('meetings-101.xml')).response, 'meetings')
    expect(meetings.map((meeting) => [meeting.id, meeting.committeeId, meeting.date, meeting.status])).toEqual([
      ['2001', '101', '14/03/2024', 'Minutes published'],
      ['2002', '101', '20/06/2024', 'Agenda published'],
      ['2004', '101', '12/09/2024', 'Cancelled'],
    ])
  })

  it('reads GetMeeting with its attendees, items, minutes and linked documents', async () => {
    const { response, unknown } = await fixture('meeting-2001.xml')
    const { meeting } = as(response, 'meeting')
    expect(unknown).toEqual([])
    expect(meeting).toMatchObject({
      id: '2001',
      committeeId: '101',
      endTime: '20:15',
      location: 'Committee Room A, Town Hall',
    })
    expect(meeting.attendees.map((attendee) => [attendee.id, attendee.role, attendee.attendance])).toContainEqual([
      '502',
      'Vice-Chair',
      'Apologies',
    ])
    const [first, second, restricted] = meeting.items
    expect(first).toMatchObject({
      displayNumber: '1.',
      minuteNumber: 'CYP 1/24',
      minutesPublished: true,
      restricted: false,
    })
    expect(second).toMatchObject({ number: '4', subNumber: 'a', displayNumber: '4a' })
    expect(second?.minutesHtml).toBe(
      '<p>The Committee considered the report.</p><p>RESOLVED: that the report be noted.</p>',
    )
    expect(restricted).toMatchObject({ id: '9103', restricted: true })
    expect(restricted?.documents).toMatchObject([{ id: '7002', restricted: true, publicationDate: '06/03/2024' }])
  })

  it('reads a meeting with no minutes', async () => {
    const { meeting } = as((await fixture('meeting-2002.xml')).response, 'meeting')
    expect(meeting.items.map((item) => [item.displayNumber, item.minutesPublished, item.minutesHtml])).toEqual([
      ['1.', false, ''],
      ['2.', false, ''],
    ])
  })

  it('reads GetCouncillorsByWard, each councillor with their ward, and never their home address', async () => {
    const { response, unknown } = await fixture('councillors-by-ward.xml')
    const { councillors } = as(response, 'councillors')
    expect(unknown).toEqual([])
    expect(
      councillors.map((councillor) => [councillor.id, councillor.ward, councillor.party, councillor.termStart]),
    ).toEqual([
      ['501', 'Northgate', 'Example Independents', '04/05/2023'],
      ['502', 'Northgate', 'Example Party', ''],
      ['503', 'Southmead', 'Example Party', ''],
    ])
    expect(JSON.stringify(councillors)).not.toContain('Invented Street')
  })

  it('reports elements it does not know, with the record and line', async () => {
    const { unknown } = await fixture('meeting-2003-unknown-element.xml')
    expect(unknown).toEqual([
      {
        file: 'meeting-2003-unknown-element.xml',
        record: 'meeting',
        id: '2003',
        line: 10,
        element: 'hybridmeetinglink',
      },
      {
        file: 'meeting-2003-unknown-element.xml',
        record: 'agenda item',
        id: '9301',
        line: 18,
        element: 'presentationslot',
      },
    ])
  })

  it('refuses a file whose root is no response it reads', () => {
    const xml = readXml('other.xml', '<decisions><decision/></decisions>')
    if (!xml.ok) throw new Error(xml.message)
    expect(readModernGovResponse('other.xml', xml.root)).toEqual({
      ok: false,
      message:
        'other.xml: <decisions> is not a Modern.gov response this import reads (committees, meetings or getmeetings, meeting, councillorsbyward)',
    })
  })

  it('reads a meetings list under either root a site may give it', () => {
    const lists = ['meetings', 'getmeetings'].map((root) => {
      const xml = readXml('list.xml', `<${root}><meeting><meetingid>7</meetingid></meeting></${root}>`)
      if (!xml.ok) throw new Error(xml.message)
      return readModernGovResponse('list.xml', xml.root)
    })
    expect(lists[1]).toEqual(lists[0])
    expect(lists[0]).toMatchObject({ ok: true, response: { kind: 'meetings', meetings: [{ id: '7' }] } })
  })
})

describe('readResponseFolder', () => {
  it('reads every response and refuses the malformed file by name and line, using nothing of it', async () => {
    const input = await readResponseFolder(FIXTURES)
    expect(input.files).toBe(7)
    expect(input.responses.map((response) => response.file)).not.toContain('malformed.xml')
    expect(input.responses).toHaveLength(6)
    expect(input.errors).toEqual([{ file: 'malformed.xml', message: 'malformed.xml: line 10: unexpected close tag' }])
  })
})
