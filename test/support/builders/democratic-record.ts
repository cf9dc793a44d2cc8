import type { TestApp } from '../harness.ts'
import { multipartForm } from '../sample-files.ts'
import { type Fields, type Keepers, dateFields, exemptFields, idBySlug, redirectOf, submit } from './forms.ts'

/**
 * Builders for the democratic record (bodies, people, memberships, meetings, agenda items, reports,
 * minutes), each made through the app's own forms by the scrutiny officer, as an officer would.
 */

export interface BodyRecord {
  id: string
  slug: string
  name: string
  url: string
}

export interface PersonRecord {
  id: string
  slug: string
  name: string
  url: string
}

export interface MeetingRecord {
  id: string
  slug: string
  date: string
  url: string
  body: BodyRecord
}

export interface Exemption {
  paragraph: number
  reason?: string
  reviewOn?: string
}

export interface AgendaItemRecord {
  /** The item's number as given to the form; '' for an unnumbered item. */
  number: number | string
  /** Its place on the agenda, which its address uses. */
  position: number
  title: string
  url: string
  meeting: MeetingRecord
}

let made = 0
const next = () => ++made

export function democraticRecordBuilders(t: TestApp, { scrutiny }: Keepers) {
  async function aBody(
    options: {
      name?: string
      kind?:
        | 'council'
        | 'executive'
        | 'committee'
        | 'sub-committee'
        | 'panel'
        | 'task and finish group'
        | 'joint committee'
        | 'board'
      remit?: string
      parent?: BodyRecord
      establishedOn?: string
      dissolvedOn?: string
      defaultMeetingMinutes?: number
    } = {},
  ): Promise<BodyRecord> {
    const name = options.name ?? `Test scrutiny committee ${next()}`
    const url = await submit(await scrutiny(), '/bodies', {
      name,
      kind: options.kind ?? 'committee',
      remit: options.remit ?? '',
      parentId: options.parent?.id ?? '',
      establishedOn: options.establishedOn ?? '',
      dissolvedOn: options.dissolvedOn ?? '',
      defaultMeetingMinutes: options.defaultMeetingMinutes?.toString() ?? '',
    })
    const slug = url.replace('/bodies/', '')
    return { id: await idBySlug(t, 'bodies', slug), slug, name, url }
  }

  async function aPerson(
    options: {
      name?: string
      kind?: 'councillor' | 'co-opted member' | 'officer' | 'partner'
      honorific?: string
      jobTitle?: string
      organisation?: string
      email?: string
      phone?: string
      party?: string
      ward?: string
      termStartsOn?: string
      termEndsOn?: string
      coOptionCategory?: 'parent governor' | 'diocesan' | 'other'
    } = {},
  ): Promise<PersonRecord> {
    const name = options.name ?? `Test Person ${next()}`
    const url = await submit(await scrutiny(), '/people', {
      name,
      kind: options.kind ?? 'councillor',
      honorific: options.honorific ?? '',
      jobTitle: options.jobTitle ?? '',
      organisation: options.organisation ?? '',
      email: options.email ?? '',
      phone: options.phone ?? '',
      party: options.party ?? '',
      ward: options.ward ?? '',
      termStartsOn: options.termStartsOn ?? '',
      termEndsOn: options.termEndsOn ?? '',
      coOptionCategory: options.coOptionCategory ?? '',
    })
    const slug = url.replace('/people/', '')
    return { id: await idBySlug(t, 'people', slug), slug, name, url }
  }

  /**
   * Puts `person` on `body` (as a member, from 2023-05-18, unless told otherwise). A co-optee has no
   * vote unless given `votingRights`; the app keeps no voting rights for anyone else.
   */
  async function aMembership(
    body: BodyRecord,
    person: PersonRecord,
    options: {
      role?: 'chair' | 'vice-chair' | 'member' | 'co-opted member' | 'observer'
      votingRights?: 'none' | 'all matters' | 'education matters only'
      startsOn?: string
      endsOn?: string
    } = {},
  ) {
    await submit(await scrutiny(), `${body.url}/members`, {
      personId: person.id,
      role: options.role ?? 'member',
      votingRights: options.votingRights ?? 'none',
      startsOn: options.startsOn ?? '2023-05-18',
      endsOn: options.endsOn ?? '',
    })
  }

  /**
   * A meeting of `body`, scheduled unless given another status (which is then set by editing it, with
   * `statusReason` or a made-up one when cancelled or postponed). Its agenda is published at once, with
   * a made-up reason when that is late, unless `agenda` is 'draft'.
   */
  async function aMeeting(
    body: BodyRecord,
    options: {
      date: string
      startTime?: string
      venue?: string
      status?: 'scheduled' | 'held' | 'cancelled' | 'postponed'
      statusReason?: string
      notes?: string
      agenda?: 'draft' | 'published'
    },
  ): Promise<MeetingRecord> {
    const agent = await scrutiny()
    const fields = { startTime: options.startTime ?? '18:00', venue: options.venue ?? '' }
    // A second meeting of the body on the same day is confirmed, as the form asks.
    const made = { bodyId: body.id, ...dateFields('date', options.date), ...fields, confirmSameDay: 'yes' }
    const url = await submit(agent, '/meetings', made)
    if ((options.status && options.status !== 'scheduled') || options.notes) {
      const needsReason = options.status === 'cancelled' || options.status === 'postponed'
      await submit(agent, `${url}/edit`, {
        ...(await agent.versionOf(`${url}/edit`)),
        ...dateFields('date', options.date),
        ...fields,
        status: options.status ?? 'scheduled',
        statusReason: options.statusReason ?? (needsReason ? 'Not enough members could attend' : ''),
        notes: options.notes ?? '',
      })
    }
    if (options.agenda !== 'draft') await submit(agent, `${url}/agenda/publish`, { lateReason: 'Papers were late' })
    const slug = url.replace('/meetings/', '')
    return { id: await idBySlug(t, 'meetings', slug), slug, date: options.date, url, body }
  }

  async function anAgendaItem(
    meeting: MeetingRecord,
    options: {
      /** The council's number for the item ('4', '4a'); '' for none. */
      number: number | string
      title?: string
      purpose?: string
      pageFrom?: number
      pageTo?: number
      exempt?: Exemption
    },
  ): Promise<AgendaItemRecord> {
    const title = options.title ?? `Agenda item ${options.number}`
    const added = await submit(await scrutiny(), `${meeting.url}/items`, {
      number: String(options.number),
      title,
      purpose: options.purpose ?? '',
      pageFrom: options.pageFrom ? String(options.pageFrom) : '',
      pageTo: options.pageTo ? String(options.pageTo) : '',
      ...exemptFields(options.exempt),
    })
    // The agenda page's anchor for the item is its place: '#item-3'.
    const position = Number(added.slice(added.lastIndexOf('#item-') + '#item-'.length))
    return { number: options.number, position, title, url: `${meeting.url}/items/${position}`, meeting }
  }

  /** The report of an agenda item in the council's template; `sections` are the template's other fields. */
  async function aReport(
    item: AgendaItemRecord,
    options: { title?: string; purpose?: string; recommendations?: string; exempt?: Exemption; sections?: Fields } = {},
  ) {
    const url = `${item.url}/report`
    const agent = await scrutiny()
    await submit(agent, `${url}/edit`, {
      ...(await agent.versionOf(`${url}/edit`)),
      title: options.title ?? item.title,
      purpose: options.purpose ?? 'To update the committee.',
      recommendations: options.recommendations ?? '',
      ...options.sections,
      ...exemptFields(options.exempt),
    })
    return { url }
  }

  /** An appendix to an item's report, with its text (and a file when given); exempt when given a paragraph. */
  async function anAppendix(
    report: { url: string },
    options: {
      label: string
      title: string
      body?: string
      file?: { filename: string; data: Buffer; type?: string }
      exempt?: Exemption
    },
  ) {
    const agent = await scrutiny()
    const fields = {
      label: options.label,
      title: options.title,
      body: options.body ?? '',
      ...exemptFields(options.exempt),
    }
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<
      string,
      string | string[]
    >
    const url = `${report.url}/appendices`
    const form = multipartForm({ _csrf: await agent.token(), ...defined }, options.file)
    redirectOf(await agent.inject({ method: 'POST', url, ...form }), url)
  }

  /**
   * Minutes of a held meeting: who attended (the first present chaired), no declarations, each
   * item's minute and resolutions; published unless `publish` is false. Gives the resolutions' ids by item.
   */
  async function minutesOf(
    meeting: MeetingRecord,
    options: {
      present: PersonRecord[]
      /** By the item's number. */
      items: Record<number, { minute?: string; resolutions?: string[] }>
      publish?: boolean
    },
  ): Promise<Record<number, string[]>> {
    const agent = await scrutiny()
    const base = `${meeting.url}/minutes`
    await submit(agent, `${base}/start`)
    for (const [index, person] of options.present.entries()) {
      await submit(agent, `${base}/attendance`, {
        personId: person.id,
        capacity: 'member',
        status: 'present',
        chaired: index === 0 ? 'yes' : undefined,
      })
    }
    await submit(agent, `${base}/declarations/none`, { none: 'yes' })
    const positions = await itemPositions(meeting)
    for (const [number, item] of Object.entries(options.items)) {
      const itemPath = `${base}/items/${positions.get(number)}`
      if (item.minute) await submit(agent, itemPath, { minute: item.minute })
      for (const text of item.resolutions ?? []) await submit(agent, `${itemPath}/resolutions`, { text })
    }
    if (options.publish !== false) await submit(agent, `${base}/publish`)
    return resolutionIds(meeting)
  }

  /** Each numbered item's place on the agenda, by its number. */
  async function itemPositions(meeting: MeetingRecord) {
    const rows = await t.db
      .selectFrom('agendaItems')
      .select(['number', 'position'])
      .where('meetingId', '=', meeting.id)
      .execute()
    return new Map(rows.map((row) => [row.number, row.position]))
  }

  async function resolutionIds(meeting: MeetingRecord): Promise<Record<number, string[]>> {
    const rows = await t.db
      .selectFrom('resolutions')
      .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
      .select(['agendaItems.number as item', 'resolutions.id'])
      .where('agendaItems.meetingId', '=', meeting.id)
      .orderBy('resolutions.number')
      .execute()
    const byItem: Record<number, string[]> = {}
    for (const row of rows) (byItem[Number(row.item)] ??= []).push(row.id)
    return byItem
  }

  return { aBody, aPerson, aMembership, aMeeting, anAgendaItem, aReport, anAppendix, minutesOf }
}
