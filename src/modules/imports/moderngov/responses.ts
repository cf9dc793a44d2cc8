import { type XmlElement, childOf } from '#src/platform/xml/read-xml.ts'

/** One record of a saved response, for messages: the file, what it is and the council's id for it. */
export interface SourceRef {
  file: string
  record: string
  id: string
  line: number
}

export interface UnknownElement extends SourceRef {
  element: string
}

export interface MgCommittee extends SourceRef {
  title: string
  category: string
  expired: boolean
  deleted: boolean
}

export interface MgMeetingSummary extends SourceRef {
  committeeId: string
  date: string
  time: string
  status: string
  location: string
}

export interface MgDocument extends SourceRef {
  title: string
  url: string
  publicationDate: string
  restricted: boolean
}

export interface MgAttendee extends SourceRef {
  name: string
  role: string
  attendance: string
}

export interface MgItem extends SourceRef {
  number: string
  subNumber: string
  displayNumber: string
  minuteNumber: string
  title: string
  restricted: boolean
  text: string
  minutesPublished: boolean
  minutesHtml: string
  documents: MgDocument[]
}

export interface MgMeeting extends MgMeetingSummary {
  committeeTitle: string
  endTime: string
  webcastUrl: string
  attendees: MgAttendee[]
  items: MgItem[]
}

export interface MgCouncillor extends SourceRef {
  name: string
  party: string
  ward: string
  termStart: string
  termEnd: string
}

export type MgResponse =
  | { kind: 'committees'; committees: MgCommittee[] }
  | { kind: 'meetings'; meetings: MgMeetingSummary[] }
  | { kind: 'meeting'; meeting: MgMeeting }
  | { kind: 'councillors'; councillors: MgCouncillor[] }

export type ReadResponse =
  { ok: true; response: MgResponse; unknown: UnknownElement[] } | { ok: false; message: string }

/*
 * The elements each record may hold. Those named here and not read below are known and left alone on purpose
 * (flags the plan has no use for, and councillors' home addresses, which are never imported); anything else is
 * reported as unknown so that a change in the service is seen rather than lost.
 */
const COMMITTEE = ['committeeid', 'committeetitle', 'committeedeleted', 'committeeexpired', 'committeecategory']
const MEETING_SUMMARY = ['meetingid', 'committeeid', 'meetingdate', 'meetingtime', 'meetingstatus', 'meetinglocation']
const MEETING = [
  ...MEETING_SUMMARY,
  'committeetitle',
  'meetingendtime',
  'webcasturl',
  'agendapublished',
  'minutepublished',
  'decisionpublished',
  'attendees',
  'agendaitems',
]
const ATTENDEE = ['memberid', 'name', 'roledescription', 'attendance']
const ITEM = [
  'agendaitemid',
  'agendaitemnumber',
  'agendaitemsubnumber',
  'fulldisplaynumberformat',
  'minutenumber',
  'agendaitemtitle',
  'isrestricted',
  'isdisplayallowed',
  'agendatext',
  'isminutepublished',
  'minutesnonemptyhtmlbody',
  'isdecision',
  'isdecisionpublished',
  'decisionnonemptyhtmlbody',
  'linkeddocuments',
]
const DOCUMENT = ['documentid', 'title', 'url', 'publicationdate', 'isrestricted', 'isdecisionattachment']
const COUNCILLOR = [
  'councillorid',
  'fullusername',
  'politicalpartytitle',
  'keyposts',
  'termsofoffice',
  'workaddress',
  'homeaddress',
  'photosmallurl',
  'photobigurl',
]

class RecordReader {
  readonly unknown: UnknownElement[] = []
  constructor(readonly file: string) {}

  /** The trimmed text of each known child, and every other child reported as unknown. */
  fields(element: XmlElement, record: string, idElement: string, known: readonly string[]) {
    const id = text(childOf(element, idElement))
    for (const child of element.children)
      if (!known.includes(child.name))
        this.unknown.push({ file: this.file, record, id, line: child.line, element: child.name })
    const ref: SourceRef = { file: this.file, record, id, line: element.line }
    return {
      ref,
      get: (name: string) => text(childOf(element, name)),
      flag: (name: string) => flag(childOf(element, name)),
    }
  }

  /** The children of a list element (<agendaitems>), any other child of it reported as unknown. */
  list(parent: XmlElement | undefined, itemName: string, record: string): XmlElement[] {
    if (!parent) return []
    const items = parent.children.filter((child) => child.name === itemName)
    for (const child of parent.children)
      if (child.name !== itemName && !child.name.endsWith('count'))
        this.unknown.push({ file: this.file, record, id: '', line: child.line, element: child.name })
    return items
  }
}

function text(element: XmlElement | undefined): string {
  return element ? element.text.trim() : ''
}

function flag(element: XmlElement | undefined): boolean {
  return text(element).toLowerCase() === 'true'
}

function readCommittees(reader: RecordReader, root: XmlElement): MgCommittee[] {
  return reader.list(root, 'committee', 'committees').map((element) => {
    const { ref, get, flag } = reader.fields(element, 'committee', 'committeeid', COMMITTEE)
    return {
      ...ref,
      title: get('committeetitle'),
      category: get('committeecategory'),
      expired: flag('committeeexpired'),
      deleted: flag('committeedeleted'),
    }
  })
}

function summary(get: (name: string) => string) {
  return {
    committeeId: get('committeeid'),
    date: get('meetingdate'),
    time: get('meetingtime'),
    status: get('meetingstatus'),
    location: get('meetinglocation'),
  }
}

function readMeetings(reader: RecordReader, root: XmlElement): MgMeetingSummary[] {
  return reader.list(root, 'meeting', 'meetings').map((element) => {
    const { ref, get } = reader.fields(element, 'meeting', 'meetingid', MEETING_SUMMARY)
    return { ...ref, ...summary(get) }
  })
}

function readDocument(reader: RecordReader, element: XmlElement): MgDocument {
  const { ref, get, flag } = reader.fields(element, 'linked document', 'documentid', DOCUMENT)
  return {
    ...ref,
    title: get('title'),
    url: get('url'),
    publicationDate: get('publicationdate'),
    restricted: flag('isrestricted'),
  }
}

function readItem(reader: RecordReader, element: XmlElement): MgItem {
  const { ref, get, flag } = reader.fields(element, 'agenda item', 'agendaitemid', ITEM)
  return {
    ...ref,
    number: get('agendaitemnumber'),
    subNumber: get('agendaitemsubnumber'),
    displayNumber: get('fulldisplaynumberformat'),
    minuteNumber: get('minutenumber'),
    title: get('agendaitemtitle'),
    restricted: flag('isrestricted'),
    text: get('agendatext'),
    minutesPublished: flag('isminutepublished'),
    minutesHtml: get('minutesnonemptyhtmlbody'),
    documents: reader
      .list(childOf(element, 'linkeddocuments'), 'linkeddoc', 'linked documents')
      .map((doc) => readDocument(reader, doc)),
  }
}

function readMeeting(reader: RecordReader, root: XmlElement): MgMeeting {
  const { ref, get } = reader.fields(root, 'meeting', 'meetingid', MEETING)
  return {
    ...ref,
    ...summary(get),
    committeeTitle: get('committeetitle'),
    endTime: get('meetingendtime'),
    webcastUrl: get('webcasturl'),
    attendees: reader.list(childOf(root, 'attendees'), 'attendee', 'attendees').map((element) => {
      const { ref, get } = reader.fields(element, 'attendee', 'memberid', ATTENDEE)
      return { ...ref, name: get('name'), role: get('roledescription'), attendance: get('attendance') }
    }),
    items: reader
      .list(childOf(root, 'agendaitems'), 'agendaitem', 'agenda items')
      .map((item) => readItem(reader, item)),
  }
}

function readCouncillors(reader: RecordReader, root: XmlElement): MgCouncillor[] {
  const wards = reader.list(childOf(root, 'wards'), 'ward', 'wards')
  return wards.flatMap((ward) => {
    const wardTitle = text(childOf(ward, 'wardtitle'))
    for (const child of ward.children)
      if (child.name !== 'wardtitle' && child.name !== 'councillors')
        reader.unknown.push({ file: reader.file, record: 'ward', id: wardTitle, line: child.line, element: child.name })
    return reader.list(childOf(ward, 'councillors'), 'councillor', 'councillors').map((element) => {
      const { ref, get } = reader.fields(element, 'councillor', 'councillorid', COUNCILLOR)
      const term = childOf(childOf(element, 'termsofoffice') ?? element, 'termofoffice')
      return {
        ...ref,
        name: get('fullusername'),
        party: get('politicalpartytitle'),
        ward: wardTitle,
        termStart: text(term && childOf(term, 'startdate')),
        termEnd: text(term && childOf(term, 'enddate')),
      }
    })
  })
}

/** Recognises a saved response by its root element and reads its records. */
export function readModernGovResponse(file: string, root: XmlElement): ReadResponse {
  const reader = new RecordReader(file)
  const done = (response: MgResponse): ReadResponse => ({ ok: true, response, unknown: reader.unknown })
  switch (root.name) {
    case 'committees':
      return done({ kind: 'committees', committees: readCommittees(reader, root) })
    // Some sites name the meetings list after the call that asked for it.
    case 'meetings':
    case 'getmeetings':
      return done({ kind: 'meetings', meetings: readMeetings(reader, root) })
    case 'meeting':
      return done({ kind: 'meeting', meeting: readMeeting(reader, root) })
    case 'councillorsbyward':
      return done({ kind: 'councillors', councillors: readCouncillors(reader, root) })
    default:
      return {
        ok: false,
        message: `${file}: <${root.name}> is not a Modern.gov response this import reads (committees, meetings or getmeetings, meeting, councillorsbyward)`,
      }
  }
}
