/**
 * The OpenAPI 3.1 description of the open data, written by hand. Each part of the API is a
 * fragment (paths and the schemas they refer to); `openApiDocument` merges them, so another
 * module can describe its own endpoints and be added to the list without editing the others.
 */

type Json = Record<string, unknown>

export interface OpenApiFragment {
  paths: Record<string, Json>
  schemas?: Record<string, Json>
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: Json) => ({ oneOf: [schema, { type: 'null' }] })
const json = (schema: Json, description: string) => ({ description, content: { 'application/json': { schema } } })
const isoDate = { type: 'string', format: 'date', examples: ['2024-01-25'] }
const notFound = json(ref('Error'), 'There is no such record, or it is not published')

export const bodiesApi: OpenApiFragment = {
  paths: {
    '/api/v1/bodies': {
      get: {
        operationId: 'listBodies',
        summary: 'Committees, boards, panels and groups',
        tags: ['Bodies'],
        responses: {
          '200': json(
            { type: 'object', required: ['bodies'], properties: { bodies: { type: 'array', items: ref('Body') } } },
            'Every body, by name',
          ),
        },
      },
    },
  },
  schemas: {
    Body: {
      type: 'object',
      required: ['id', 'slug', 'name', 'kind', 'remit', 'url'],
      properties: {
        id: { type: 'string', format: 'uuid', description: 'Use as `body` in /api/v1/meetings and /calendar.ics' },
        slug: { type: 'string', examples: ['children-and-young-peoples-scrutiny-committee'] },
        name: { type: 'string', examples: ["Children and Young People's Scrutiny Committee"] },
        kind: { type: 'string', enum: ['committee', 'board', 'panel', 'group', 'executive'] },
        remit: { type: 'string', description: 'What the body does, as plain text; may be empty' },
        url: {
          type: 'string',
          format: 'uri-reference',
          description: 'The body’s page on this site',
          examples: ['/bodies/children-and-young-peoples-scrutiny-committee'],
        },
      },
    },
    Error: {
      type: 'object',
      required: ['error', 'statusCode'],
      properties: {
        error: { type: 'string' },
        statusCode: { type: 'integer', description: 'The HTTP status, repeated' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
}

/**
 * The meetings module's endpoints (served by src/modules/meetings/minutes/api.ts), described here
 * until that module keeps its own fragment: then pass it as createPublishing's `openApi` and delete
 * this one (the merge refuses a path described twice, so the two cannot drift apart silently).
 */
export const meetingsApi: OpenApiFragment = {
  paths: {
    '/api/v1/meetings': {
      get: {
        operationId: 'listMeetings',
        summary: 'Meetings, latest first',
        tags: ['Meetings'],
        parameters: [
          {
            name: 'body',
            in: 'query',
            description: 'Only this body’s meetings',
            schema: { type: 'string', format: 'uuid' },
          },
          { name: 'from', in: 'query', description: 'On or after this date (YYYY-MM-DD)', schema: isoDate },
          { name: 'to', in: 'query', description: 'On or before this date (YYYY-MM-DD)', schema: isoDate },
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['meetings'],
              properties: { meetings: { type: 'array', items: ref('MeetingSummary') } },
            },
            'The meetings',
          ),
          '400': json(ref('Error'), 'A parameter is not valid'),
        },
      },
    },
    '/api/v1/meetings/{id}': {
      get: {
        operationId: 'getMeeting',
        summary: 'One meeting with its agenda and, once published, its minutes',
        tags: ['Meetings'],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The meeting’s id or slug',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': json(ref('Meeting'), 'The meeting'), '404': notFound },
      },
    },
  },
  schemas: {
    MeetingSummary: {
      type: 'object',
      required: ['id', 'slug', 'body', 'date', 'startTime', 'venue', 'status', 'url', 'minutesStatus'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        slug: { type: 'string', examples: ['children-and-young-peoples-scrutiny-committee-2024-01-25'] },
        body: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
        },
        date: isoDate,
        startTime: nullable({
          type: 'string',
          pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
          description: '24-hour UK time',
          examples: ['18:00'],
        }),
        venue: nullable({ type: 'string' }),
        status: { type: 'string', enum: ['scheduled', 'held', 'cancelled', 'postponed'] },
        url: { type: 'string', format: 'uri-reference', description: 'The meeting’s page on this site' },
        minutesStatus: ref('MinutesStatus'),
      },
    },
    MinutesStatus: {
      description: 'null until the minutes are published; approved once a later meeting has agreed them',
      enum: ['published', 'approved', null],
    },
    Meeting: {
      allOf: [
        ref('MeetingSummary'),
        {
          type: 'object',
          required: ['items', 'attendance', 'declarations'],
          properties: {
            minutesUrl: nullable({ type: 'string', format: 'uri-reference' }),
            endedAt: nullable({ type: 'string', description: 'When the meeting ended, 24-hour UK time' }),
            approval: nullable({
              type: 'object',
              properties: {
                on: isoDate,
                meeting: {
                  type: 'object',
                  properties: { id: { type: 'string', format: 'uuid' }, slug: { type: 'string' } },
                },
                item: { type: 'integer' },
                amendment: nullable({ type: 'string' }),
              },
            }),
            items: { type: 'array', items: ref('AgendaItem') },
            attendance: { type: 'array', items: ref('Attendance'), description: 'Who attended, from the minutes' },
            declarations: { type: 'array', items: ref('Declaration'), description: 'Declarations of interest' },
          },
        },
      ],
    },
    AgendaItem: {
      type: 'object',
      required: ['number', 'title', 'purpose', 'pages', 'exempt', 'minute', 'resolutions'],
      properties: {
        number: { type: 'integer', minimum: 1 },
        title: { type: 'string' },
        purpose: nullable({ type: 'string' }),
        pages: nullable({
          type: 'object',
          required: ['from', 'to'],
          properties: { from: { type: 'integer' }, to: { type: 'integer' } },
          description: 'Pages of the agenda pack',
        }),
        exempt: nullable({
          type: 'object',
          required: ['paragraph'],
          description:
            'Withheld under a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972: only the title is published',
          properties: { paragraph: { type: 'integer', minimum: 1, maximum: 7 } },
        }),
        minute: nullable({ type: 'string', description: 'The minute of the item, once the minutes are published' }),
        resolutions: { type: 'array', items: ref('Resolution') },
      },
    },
    Resolution: {
      type: 'object',
      required: ['number', 'text'],
      properties: { number: { type: 'integer', minimum: 1 }, text: { type: 'string' } },
    },
    Attendance: {
      type: 'object',
      required: ['name', 'capacity', 'status', 'roleAtMeeting', 'chaired'],
      properties: {
        name: { type: 'string' },
        capacity: {
          type: 'string',
          enum: ['member', 'co-opted member', 'substitute', 'cabinet member', 'officer', 'other'],
        },
        status: { type: 'string', enum: ['present', 'apologies', 'absent', 'in attendance'] },
        roleAtMeeting: nullable({ type: 'string' }),
        chaired: { type: 'boolean' },
      },
    },
    Declaration: {
      type: 'object',
      required: ['member', 'item', 'type', 'nature'],
      properties: {
        member: { type: 'string' },
        item: nullable({ type: 'integer', description: 'The agenda item number' }),
        type: { type: 'string', enum: ['personal', 'prejudicial', 'disclosable pecuniary'] },
        nature: { type: 'string' },
      },
    },
  },
}

export const calendarApi: OpenApiFragment = {
  paths: {
    '/calendar.ics': {
      get: {
        operationId: 'meetingsCalendar',
        summary: 'Meetings as an iCalendar feed to subscribe to',
        tags: ['Meetings'],
        parameters: [
          {
            name: 'body',
            in: 'query',
            description: 'Only this body’s meetings',
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          '200': {
            description: 'One event per meeting, times in UTC; cancelled and postponed meetings have STATUS:CANCELLED',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          '404': { description: 'There is no such body', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
  },
}

export const OPEN_DATA_API: OpenApiFragment[] = [bodiesApi, meetingsApi, calendarApi]

/** The whole document from its fragments. Two fragments describing the same path or schema is a mistake. */
export function openApiDocument(fragments: OpenApiFragment[] = OPEN_DATA_API) {
  const paths: Record<string, Json> = {}
  const schemas: Record<string, Json> = {}
  for (const fragment of fragments) {
    for (const [path, item] of Object.entries(fragment.paths)) {
      if (paths[path]) throw new Error(`OpenAPI path ${path} is described twice`)
      paths[path] = item
    }
    for (const [name, schema] of Object.entries(fragment.schemas ?? {})) {
      if (schemas[name]) throw new Error(`OpenAPI schema ${name} is described twice`)
      schemas[name] = schema
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Oversight open data',
      version: '1.0.0',
      summary: 'The published record of the council’s children’s services committees',
      description:
        'Everything here is public: exempt items show only their title and paragraph, and minutes appear once published. ' +
        'Dates are YYYY-MM-DD; times are 24-hour UK time.',
      license: {
        name: 'Open Government Licence v3.0',
        url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'Bodies' }, { name: 'Meetings' }],
    paths,
    components: { schemas },
  }
}
