import type { OpenApiFragment } from '#src/modules/publishing/index.ts'
import { FINDING_KINDS, INSPECTION_KINDS, JUDGEMENTS, MILESTONE_STATUSES } from './tables.ts'

const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] })
const date = { type: 'string', format: 'date' }
const json = (ref: string, description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
})

export const improvementOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/inspections': {
      get: {
        operationId: 'listInspections',
        summary: 'Inspections with their findings, each listing the improvement-plan actions that answer it',
        tags: ['Inspections and improvement'],
        responses: { '200': json('InspectionList', 'Every inspection') },
      },
    },
    '/api/v1/improvement-plans/{id}': {
      get: {
        operationId: 'getImprovementPlan',
        summary: 'An improvement plan: themes, actions and milestones with due dates, statuses and RAG',
        tags: ['Inspections and improvement'],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The plan’s id or its slug',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': json('ImprovementPlan', 'The plan'), '404': json('Error', 'There is no such plan') },
      },
    },
  },
  schemas: {
    InspectionList: {
      type: 'object',
      required: ['inspections'],
      properties: { inspections: { type: 'array', items: { $ref: '#/components/schemas/Inspection' } } },
    },
    Inspection: {
      type: 'object',
      required: ['id', 'title', 'kind', 'findings'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        slug: { type: 'string' },
        title: { type: 'string' },
        kind: { type: 'string', enum: [...INSPECTION_KINDS] },
        inspectorates: { type: 'string' },
        startedOn: nullable(date),
        endedOn: nullable(date),
        publishedOn: nullable(date),
        overallJudgement: nullable({ type: 'string', enum: [...JUDGEMENTS] }),
        url: { type: 'string' },
        findings: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'kind', 'number', 'text', 'actionIds'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              kind: { type: 'string', enum: [...FINDING_KINDS] },
              number: { type: 'integer' },
              text: { type: 'string' },
              actionIds: {
                type: 'array',
                items: { type: 'string', format: 'uuid' },
                description: 'The plan actions that answer it',
              },
            },
          },
        },
      },
    },
    ImprovementPlan: {
      type: 'object',
      required: ['id', 'title', 'themes'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        slug: { type: 'string' },
        title: { type: 'string' },
        owner: nullable({ type: 'string' }),
        startsOn: nullable(date),
        endsOn: nullable(date),
        version: { type: 'string' },
        url: { type: 'string' },
        themes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              number: { type: 'string' },
              title: { type: 'string' },
              lead: nullable({ type: 'string' }),
              actions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    reference: { type: 'string', examples: ['4.5'] },
                    title: { type: 'string' },
                    leads: { type: 'array', items: { type: 'string' } },
                    findingIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
                    rag: { type: 'string', enum: ['red', 'amber', 'green', 'complete', 'no milestones'] },
                    milestones: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['text', 'dueDate', 'status', 'rag'],
                        properties: {
                          id: { type: 'string', format: 'uuid' },
                          text: { type: 'string' },
                          dueDate: nullable(date),
                          status: { type: 'string', enum: [...MILESTONE_STATUSES] },
                          completedOn: nullable(date),
                          rag: { type: 'string', enum: ['complete', 'red', 'amber', 'green', 'dropped'] },
                          stale: {
                            type: 'boolean',
                            description: 'No update since the last meeting that considered the plan',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
}
