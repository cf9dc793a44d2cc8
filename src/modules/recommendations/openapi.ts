import type { OpenApiFragment } from '#src/modules/publishing/index.ts'

const isoDate = { type: 'string', format: 'date', examples: ['2024-01-25'] }
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** The tracker's open data (served by api.ts), for the OpenAPI document. */
export const recommendationsOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/recommendations': {
      get: {
        operationId: 'listRecommendations',
        summary: 'The committees’ recommendations, with their dated updates and RAG rating',
        tags: ['Recommendations'],
        parameters: [
          {
            name: 'body',
            in: 'query',
            description: 'Only this body’s recommendations (its id, from /api/v1/bodies)',
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          '200': {
            description: 'The recommendations, in each body’s own numbering',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['recommendations'],
                  properties: { recommendations: { type: 'array', items: ref('Recommendation') } },
                },
              },
            },
          },
          '400': { description: 'A parameter is not valid', content: { 'application/json': { schema: ref('Error') } } },
          '404': { description: 'There is no such body', content: { 'application/json': { schema: ref('Error') } } },
        },
      },
    },
  },
  schemas: {
    Recommendation: {
      type: 'object',
      required: [
        'id',
        'bodyId',
        'number',
        'text',
        'madeOn',
        'targetDate',
        'responsibleOfficer',
        'status',
        'rag',
        'updates',
      ],
      properties: {
        id: { type: 'string', format: 'uuid' },
        bodyId: { type: 'string', format: 'uuid' },
        number: { type: 'string', description: 'The body’s own numbering', examples: ['4'] },
        text: { type: 'string' },
        madeOn: isoDate,
        targetDate: nullable({ ...isoDate, description: 'null while the target date is to be confirmed' }),
        responsibleOfficer: nullable({ type: 'string', description: 'The responsible officer’s name' }),
        status: { type: 'string', enum: ['open', 'complete', 'withdrawn'] },
        completedOn: nullable(isoDate),
        rag: {
          type: 'string',
          enum: ['red', 'amber', 'green', 'complete', 'withdrawn', 'target date needed'],
          description:
            'Worked out on the day asked: red once the target date has passed; amber when it is due within 28 days ' +
            'with no update in the last 28 days; otherwise green. A scrutiny officer may override it (ragOverridden).',
        },
        ragOverridden: { type: 'boolean' },
        url: { type: 'string', format: 'uri-reference', description: 'The recommendation’s page on this site' },
        updates: {
          type: 'array',
          description: 'Progress updates, newest first',
          items: {
            type: 'object',
            required: ['on', 'text'],
            properties: { on: isoDate, text: { type: 'string' } },
          },
        },
      },
    },
  },
}
