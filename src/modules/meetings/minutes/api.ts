import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiId,
  apiExempt,
  apiList,
  apiPaging,
  apiRecord,
  apiSource,
  apiSourceOf,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'
import type { RecordSource, SourceOf } from '#src/platform/provenance/source.ts'
import { AGENDA_ITEM_STATUSES, MEETING_STATUSES, MEETING_TYPES } from '../schema.ts'
import type { MinutesStatus } from '../tables.ts'
import { questionApi, questionApiSchema } from '../questions/api.ts'
import { motionApi, motionApiSchema } from '../motions/api.ts'
import { voteApi, voteApiSchema } from '../votes/api.ts'
import { speakerApi, speakerApiSchema } from '../speakers/api.ts'
import { ATTENDANCE_STATUSES, CAPACITIES, DECLARATION_CATEGORIES, meetingsQuerySchema } from './schema.ts'
import { type MinutesService, minutesPath } from './service.ts'
import { mayReadMinutes } from './visibility.ts'
import type { ItemDocumentView } from '../item-documents/view.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const meetingSummarySchema = z
  .strictObject({
    id: apiId,
    slug: z.string().meta({ examples: ['children-and-young-peoples-scrutiny-committee-2024-01-25'] }),
    body: z.strictObject({ id: apiId, name: z.string() }),
    date: apiDate,
    startTime: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
      .nullable()
      .meta({ description: '24-hour UK time', examples: ['18:00'] }),
    endTime: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
      .nullable()
      .meta({
        description: 'When the meeting is planned to finish, 24-hour UK time; null when not given',
        examples: ['20:00'],
      }),
    venue: z.string().nullable(),
    type: z.enum(MEETING_TYPES).describe('ordinary, extraordinary (special), call-in or budget'),
    contact: z.string().nullable().describe('Who to contact about the meeting; null when not given'),
    webcastUrl: z
      .string()
      .nullable()
      .meta({ format: 'uri', description: 'Where the meeting is broadcast; null when not' }),
    status: z.enum(MEETING_STATUSES),
    statusReason: z.string().nullable().describe('Why the meeting was cancelled or postponed; null otherwise'),
    agendaPublishedOn: apiDate
      .nullable()
      .describe('When the agenda was published; null while it is a draft, when no items are given'),
    agendaLateReason: z
      .string()
      .nullable()
      .describe('Why the agenda was published with less than the council’s notice; null when it was not late'),
    url: sitePath('The meeting’s page on this site'),
    minutesStatus: z
      .enum(['published', 'approved'])
      .nullable()
      .describe('null until the minutes are published; approved once a later meeting has agreed them'),
  })
  .meta({ id: 'MeetingSummary' })

const itemNumber = z
  .string()
  .nullable()
  .meta({
    description: 'The item’s number as the council writes it; null when it has none',
    examples: ['4', '4a', 'A1'],
  })

const itemDocumentSchema = z
  .strictObject({
    id: apiId,
    title: z.string(),
    publishedOn: apiDate.nullable().describe('When the council published it; null when not given'),
    url: sitePath('Where the file is downloaded'),
    mediaType: z.enum(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']),
    sizeBytes: z.int().min(0),
  })
  .describe('A document linked to the item, such as its report or an appendix; exempt ones are never listed')
  .meta({ id: 'ItemDocument' })

const agendaItemSchema = z
  .strictObject({
    id: apiId,
    number: itemNumber,
    position: z.int().min(1).describe('Where the item comes on the agenda, from 1; items are listed in this order'),
    minuteNumber: z
      .string()
      .nullable()
      .meta({
        description: 'The minute’s own number, when the council numbers its minutes',
        examples: ['107', 'CYP 1/10'],
      }),
    title: z.string(),
    urgent: z.boolean().describe('Taken as a matter of urgency, added after the agenda was published'),
    urgentReason: z
      .string()
      .nullable()
      .describe('The chair’s reason for taking it as urgent (s100B(4)(b) Local Government Act 1972)'),
    status: z.enum(AGENDA_ITEM_STATUSES).describe('Listed, or withdrawn or deferred (the item keeps its place)'),
    statusReason: z.string().nullable().describe('Why the item was withdrawn or deferred'),
    toFollow: z.boolean().describe('Its report is to follow: not yet published'),
    publicParticipation: z.boolean().describe('The item at which the public may speak or ask questions'),
    noRequestsToSpeak: z
      .boolean()
      .describe('On the public participation item: the record that no member of the public asked to speak'),
    supplementary: z
      .int()
      .min(1)
      .nullable()
      .describe('The number of the supplementary agenda that published it; null when the agenda did, or none has yet'),
    purpose: z.string().nullable(),
    pages: z.strictObject({ from: z.int(), to: z.int() }).nullable().describe('Pages of the agenda pack'),
    exempt: apiExempt
      .nullable()
      .describe(
        'Withheld under a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972: only the title is published',
      ),
    minute: z.string().nullable().describe('The minute of the item, once the minutes are published'),
    resolutions: z.array(z.strictObject({ number: z.int().min(1), text: z.string() })),
    documents: z.array(itemDocumentSchema).describe('The documents linked to the item, in order'),
  })
  .meta({ id: 'AgendaItem' })

const meetingSchema = apiRecord(meetingSummarySchema)
  .extend({
    minutesUrl: sitePath().nullable(),
    endedAt: z.string().nullable().describe('When the meeting ended, 24-hour UK time'),
    source: apiSource,
    approval: z
      .strictObject({
        on: apiDate.nullable(),
        meeting: z.strictObject({ id: apiId, slug: z.string() }),
        item: itemNumber,
        amendment: z.string().nullable(),
      })
      .nullable()
      .describe('The later meeting that approved the minutes, and the item it did so under'),
    items: z.array(agendaItemSchema).describe('The agenda; empty while it is a draft'),
    venueChanges: z
      .array(
        z.strictObject({
          from: z.string().describe('The venue announced before'),
          to: z.string().nullable().describe('The new venue; null when it is to be confirmed'),
          changedOn: apiDate,
          reason: z.string().nullable(),
        }),
      )
      .describe('Each change of the announced venue, earliest first'),
    supplements: z
      .array(
        z.strictObject({
          number: z.int().min(1),
          title: z.string(),
          publishedOn: apiDate,
          note: z.string().nullable().describe('What it adds'),
        }),
      )
      .describe('Supplementary agendas: items added after the agenda was published, first first'),
    questions: z
      .array(questionApiSchema)
      .describe('Questions from the public, in the order asked; none while the agenda is a draft'),
    motions: z
      .array(motionApiSchema)
      .describe(
        'Motions moved, in order, with their amendments; part of the minutes, so none until they are published',
      ),
    votes: z
      .array(voteApiSchema)
      .describe(
        'Votes on motions, amendments and recommendations, in the order taken; none until the minutes are published',
      ),
    deputations: z
      .array(speakerApiSchema)
      .describe('Deputations and members of the public who spoke, in order; none while the agenda is a draft'),
    attendance: z
      .array(
        z.strictObject({
          name: z.string(),
          capacity: z.enum(CAPACITIES),
          status: z
            .enum(ATTENDANCE_STATUSES)
            .describe(
              'Someone present remotely is not counted in the quorum and cannot vote; expected: before the meeting',
            ),
          substituteFor: z
            .string()
            .nullable()
            .describe('For a substitute, the member who sent apologies and whom they replaced'),
          arrivedAtItem: z.string().nullable().describe('The agenda item at which they arrived late'),
          leftAtItem: z.string().nullable().describe('The agenda item at which they left early'),
          roleAtMeeting: z.string().nullable(),
          chaired: z.boolean(),
        }),
      )
      .describe('Who attended, from the minutes'),
    declarations: z
      .array(
        z.strictObject({
          member: z.string(),
          category: z.enum(DECLARATION_CATEGORIES),
          categoryLabel: z
            .string()
            .nullable()
            .meta({
              description: 'The council’s own name for an "other" interest; null otherwise',
              examples: ['Personal'],
            }),
          itemIds: z.array(apiId).describe('The agenda items the interest concerns; empty when the whole meeting'),
          nature: z.string(),
          leftRoom: z
            .boolean()
            .nullable()
            .describe('Whether the member left the room; null when the minutes do not say'),
          dispensation: z.string().nullable().describe('Any dispensation allowing them to take part'),
        }),
      )
      .describe('Declarations of interest'),
  })
  .meta({ id: 'Meeting' })

type MeetingSummary = z.output<typeof meetingSummarySchema>

/**
 * The open data API for meetings and their minutes. It answers as it would to the public, whoever
 * asks: no items of a draft agenda, no draft minutes and nothing of exempt items beyond their title
 * and paragraph.
 */
export function minutesApi(deps: { service: MinutesService; sources: SourceOf }) {
  const { service, sources } = deps

  return async function (app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>()

    api.get(
      '/api/v1/meetings',
      {
        schema: {
          operationId: 'listMeetings',
          summary: 'Meetings, latest first',
          tags: ['Meetings'],
          querystring: meetingsQuerySchema.safeExtend(apiPaging),
          response: {
            200: jsonResponse(apiList('meetings', meetingSummarySchema), 'The meetings'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const { body, from, to } = request.query
        const meetings = await service.listMeetings(asThePublic(request.ctx), { bodyId: body, from, to })
        const { items, ...page } = request.openDataPage(meetings)
        reply.header('cache-control', 'public, max-age=60')
        return { ...page, meetings: items.map((meeting) => meetingSummary(meeting, meeting.minutesStatus)) }
      },
    )

    api.get(
      '/api/v1/meetings/:id',
      {
        schema: {
          operationId: 'getMeeting',
          summary: 'One meeting with its agenda once published and, once published, its minutes',
          tags: ['Meetings'],
          params: z.object({ id: z.string().describe('The meeting’s id or slug') }),
          response: { 200: jsonResponse(meetingSchema, 'The meeting'), 404: notFoundResponse() },
        },
      },
      async (request, reply) => {
        const record = await service.getMeetingRecord(asThePublic(request.ctx), request.params.id)
        reply.header('cache-control', 'public, max-age=60')
        return meetingDetail(record, await sources(request.ctx, 'meeting', record.meeting.id))
      },
    )
  }
}

function meetingSummary(
  meeting: {
    id: string
    slug: string
    body: { id: string; name: string }
    date: string
    startTime: string | null
    endTime: string | null
    venue: string
    type: MeetingSummary['type']
    contact: string
    webcastUrl: string | null
    status: MeetingSummary['status']
    statusReason: string
    agendaPublishedOn: string | null
    agendaLateReason: string
  },
  minutesStatus: MinutesStatus | null | undefined,
): MeetingSummary {
  return {
    id: meeting.id,
    slug: meeting.slug,
    body: { id: meeting.body.id, name: meeting.body.name },
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    venue: meeting.venue || null,
    type: meeting.type,
    contact: meeting.contact || null,
    webcastUrl: meeting.webcastUrl,
    status: meeting.status,
    statusReason: meeting.statusReason || null,
    agendaPublishedOn: meeting.agendaPublishedOn,
    agendaLateReason: meeting.agendaLateReason || null,
    url: `/meetings/${meeting.slug}`,
    // The service already answers as to the public; checked again because a draft here would be news.
    minutesStatus: mayReadMinutes(null, minutesStatus) ? minutesStatus : null,
  }
}

type MeetingRecord = Awaited<ReturnType<MinutesService['getMeetingRecord']>>

/** One meeting with its agenda and, once published, its minutes. */
function meetingDetail(record: MeetingRecord, source: RecordSource | null): z.output<typeof meetingSchema> {
  const { meeting, minutes, approval } = record
  return {
    licence: OPEN_DATA_LICENCE,
    ...meetingSummary({ ...meeting, body: record.body }, minutes?.status),
    minutesUrl: minutes ? minutesPath(meeting.slug) : null,
    endedAt: minutes?.endedAtTime ?? null,
    source: apiSourceOf(source),
    approval: approval
      ? {
          on: approval.on,
          meeting: { id: approval.meeting.id, slug: approval.meeting.slug },
          item: approval.item.number,
          amendment: approval.amendment || null,
        }
      : null,
    venueChanges: record.venueChanges.map((change) => ({
      from: change.fromVenue,
      to: change.toVenue || null,
      changedOn: change.changedOn,
      reason: change.reason || null,
    })),
    supplements: record.supplements.map((supplement) => ({
      number: supplement.number,
      title: supplement.title,
      publishedOn: supplement.publishedOn,
      note: supplement.note || null,
    })),
    questions: record.questions.map(questionApi),
    motions: record.motions.map(motionApi),
    votes: record.votes.map(voteApi),
    deputations: record.speakers.map(speakerApi),
    items: record.items.map((item) => ({
      id: item.id,
      number: item.number,
      position: item.position,
      minuteNumber: item.minuteNumber,
      title: item.title,
      urgent: item.urgent,
      urgentReason: (!item.withheld && item.urgentReason) || null,
      status: item.status,
      statusReason: (!item.withheld && item.statusReason) || null,
      toFollow: item.toFollow,
      publicParticipation: item.publicParticipation,
      noRequestsToSpeak: item.noRequestsToSpeak,
      supplementary: record.supplements.find((supplement) => supplement.id === item.supplementId)?.number ?? null,
      purpose: item.purpose || null,
      pages: item.pageFrom === null ? null : { from: item.pageFrom, to: item.pageTo ?? item.pageFrom },
      exempt: item.exempt ? { paragraph: item.exempt.paragraph } : null,
      minute: item.minute || null,
      resolutions: item.resolutions.map((resolution) => ({ number: resolution.number, text: resolution.text })),
      documents: itemDocumentsForApi(record.documents.get(item.id) ?? []),
    })),
    attendance: record.attendance.map((row) => ({
      name: row.name,
      capacity: row.capacity,
      status: row.status,
      substituteFor: row.substituteFor,
      arrivedAtItem: row.arrivedAtItem || null,
      leftAtItem: row.leftAtItem || null,
      roleAtMeeting: row.roleAtMeeting || null,
      chaired: row.chaired,
    })),
    declarations: record.declarations.map((row) => ({
      member: row.member,
      category: row.category,
      categoryLabel: row.categoryLabel || null,
      itemIds: row.items.map((item) => item.id),
      nature: row.nature,
      leftRoom: row.leftRoom,
      dispensation: row.dispensation || null,
    })),
  }
}

/**
 * An item's documents as the open data gives them: only those with a file, and never an exempt one (the
 * service already answers as to the public; checked again, because an exempt document here would be news).
 */
function itemDocumentsForApi(documents: ItemDocumentView[]): z.output<typeof itemDocumentSchema>[] {
  return documents.flatMap((document) =>
    document.file && !document.exempt && isDocumentType(document.file.mediaType)
      ? [
          {
            id: document.id,
            title: document.title,
            publishedOn: document.publishedOn,
            url: document.file.href,
            mediaType: document.file.mediaType,
            sizeBytes: document.file.sizeBytes ?? 0,
          },
        ]
      : [],
  )
}

const isDocumentType = (type: string | null): type is z.output<typeof itemDocumentSchema>['mediaType'] =>
  itemDocumentSchema.shape.mediaType.safeParse(type).success
