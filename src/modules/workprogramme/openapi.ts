import type { OpenApiFragment } from '#src/modules/publishing/index.ts'
import { KINDS, ORIGINS, STATUSES } from './schema.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] })
const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const isoDate = { type: 'string', format: 'date', examples: ['2024-01-25'] }

export const workProgrammeOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/work-programme': {
      get: {
        operationId: 'listWorkProgramme',
        summary: 'Work programme items: what each committee plans to look at, and when',
        tags: ['Work programme'],
        parameters: [
          {
            name: 'body',
            in: 'query',
            description: 'Only this body’s work programme',
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['items'],
              properties: { items: { type: 'array', items: ref('WorkProgrammeItem') } },
            },
            'The items',
          ),
          '400': json(ref('Error'), 'A parameter is not valid'),
          '404': json(ref('Error'), 'There is no such body'),
        },
      },
    },
  },
  schemas: {
    WorkProgrammeItem: {
      type: 'object',
      required: ['id', 'body', 'title', 'kind', 'schedule', 'origin', 'status', 'url'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        body: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } },
        title: { type: 'string' },
        description: nullable({ type: 'string' }),
        kind: { type: 'string', enum: KINDS },
        schedule: {
          description: 'A meeting, a month (with the day when known), or to be confirmed',
          oneOf: [
            {
              type: 'object',
              properties: {
                type: { const: 'meeting' },
                meeting: {
                  type: 'object',
                  properties: { date: isoDate, url: { type: 'string', format: 'uri-reference' } },
                },
              },
            },
            {
              type: 'object',
              properties: {
                type: { const: 'month' },
                month: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$', examples: ['2024-06'] },
                date: nullable(isoDate),
              },
            },
            { type: 'object', properties: { type: { const: 'to be confirmed' } } },
          ],
        },
        timingNote: nullable({ type: 'string' }),
        origin: { type: 'string', enum: ORIGINS },
        originNote: nullable({ type: 'string' }),
        originUrl: nullable({ type: 'string', format: 'uri-reference' }),
        status: { type: 'string', enum: STATUSES },
        leadOfficer: nullable({ type: 'string' }),
        url: { type: 'string', format: 'uri-reference' },
      },
    },
  },
}
