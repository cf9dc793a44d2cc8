import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'

/**
 * The OpenAPI 3.1 document of the open data, made by @fastify/swagger from the zod schemas each
 * /api/v1 route declares. Only what has no zod schema is written here: the document's front matter
 * and the two feeds, which answer iCalendar and Atom rather than JSON.
 */

const TAGS = [
  { name: 'Bodies', description: 'Committees, boards, panels and groups' },
  { name: 'Meetings', description: 'Meetings, their agendas and, once published, their minutes' },
  { name: 'Recommendations', description: 'The committees’ recommendations and how they are going' },
  {
    name: 'Decisions',
    description: 'Decisions of the executive, cabinet members, committees and officers, and the forward plan',
  },
  { name: 'Work programme', description: 'What each committee plans to look at, and when' },
  { name: 'Waiting lists', description: 'Health services’ waiting lists for children' },
  { name: 'Petitions', description: 'Petitions presented to the council, their signatures and the response' },
  { name: 'Outcomes framework', description: 'The improvement plan’s indicators' },
  { name: 'Inspections and improvement', description: 'Inspections, their findings and the plans that answer them' },
]

const FEEDS = {
  '/calendar.ics': {
    get: {
      operationId: 'meetingsCalendar',
      summary: 'Meetings as an iCalendar feed to subscribe to',
      tags: ['Meetings'],
      security: [],
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
  '/decisions.atom': {
    get: {
      operationId: 'decisionsFeed',
      summary: 'The newest decisions as an Atom feed',
      tags: ['Decisions'],
      security: [],
      responses: {
        '200': { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
      },
    },
  },
}

/** Every open data operation is public: no sign-in, whoever asks gets what the public sees. */
const transform: SwaggerTransform = (route) => {
  const { schema, url } = jsonSchemaTransform(route)
  return { schema: schema?.hide ? schema : { ...schema, security: schema?.security ?? [] }, url }
}

/** The routes' operations, the feeds, and the named schemas the operations use (no others). */
const transformObject: SwaggerTransformObject = (document) => {
  const generated = jsonSchemaTransformObject(document) as {
    paths?: Record<string, unknown>
    components?: { schemas?: Record<string, unknown> }
  }
  const paths = { ...generated.paths, ...FEEDS }
  const schemas = generated.components?.schemas ?? {}
  return { ...generated, paths, components: { ...generated.components, schemas: reachable(paths, schemas) } }
}

/**
 * The named schemas `from` refers to, directly or through one another. The zod transform names every
 * registered schema twice (as input and as output); the API's responses use only the output ones.
 */
function reachable(from: unknown, schemas: Record<string, unknown>): Record<string, unknown> {
  const found = new Map<string, unknown>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    for (const [key, inner] of Object.entries(value)) {
      const name = key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', '') : null
      if (name !== null && !found.has(name) && name in schemas) {
        found.set(name, schemas[name])
        visit(schemas[name])
      } else visit(inner)
    }
  }
  visit(from)
  return Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b)))
}

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Oversight open data',
      version: '1.0.0',
      summary: 'The published record of the council’s children’s services committees',
      description:
        'Everything here is public: exempt items show only their title and paragraph, and minutes appear once published. ' +
        'Dates are YYYY-MM-DD; times are 24-hour UK time. ' +
        'Lists come a page at a time (page, pageSize up to 100; next is the next page’s address, null on the last). ' +
        'Every answer with data names its licence, any site may read the API (Access-Control-Allow-Origin: *), ' +
        'and a request sending back the ETag (If-None-Match) or Last-Modified (If-Modified-Since) of a current copy is answered 304.',
      license: { ...OPEN_DATA_LICENCE },
    },
    servers: [{ url: '/' }],
    tags: TAGS,
  },
  transform,
  transformObject,
}
