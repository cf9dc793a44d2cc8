import type { OpenApiFragment } from '#src/modules/publishing/index.ts'
import { CALL_IN_STATUSES } from './schema.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] })
const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const isoDate = { type: 'string', format: 'date', examples: ['2023-12-11'] }
const text = nullable({ type: 'string' })

/** The decisions register, the forward plan and the Atom feed of decisions. */
export const decisionsOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/decisions': {
      get: {
        operationId: 'listDecisions',
        summary: 'Executive and Cabinet Member decisions, newest first',
        tags: ['Decisions'],
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['decisions'],
              properties: { decisions: { type: 'array', items: ref('Decision') } },
            },
            'Every decision',
          ),
        },
      },
    },
    '/api/v1/forward-plan': {
      get: {
        operationId: 'getForwardPlan',
        summary: 'A forward plan of key decisions (the latest unless one is named)',
        tags: ['Decisions'],
        parameters: [
          {
            name: 'plan',
            in: 'query',
            description: 'The month the plan starts, YYYY-MM',
            schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$', examples: ['2024-01'] },
          },
        ],
        responses: {
          '200': json(ref('ForwardPlan'), 'The plan and its items; plan is null when none has been published'),
          '400': json(ref('Error'), 'A parameter is not valid'),
          '404': json(ref('Error'), 'There is no plan starting that month'),
        },
      },
    },
    '/decisions.atom': {
      get: {
        operationId: 'decisionsFeed',
        summary: 'The newest decisions as an Atom feed',
        tags: ['Decisions'],
        responses: {
          '200': { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
        },
      },
    },
  },
  schemas: {
    Decision: {
      type: 'object',
      required: ['number', 'title', 'date', 'decisionTaker', 'keyDecision', 'callInDeadline', 'documents', 'url'],
      properties: {
        number: { type: 'string', examples: ['EX47/2023'] },
        title: { type: 'string' },
        date: isoDate,
        decisionTaker: { type: 'string', description: 'The Executive, or the Cabinet Member with their portfolio' },
        keyDecision: { type: 'boolean' },
        decision: { type: 'array', items: { type: 'string' }, description: 'The decision, part by part' },
        publishedOn: nullable(isoDate),
        callInDeadline: nullable({
          ...isoDate,
          description:
            'The fifth clear working day after publication (weekends and England and Wales bank holidays excluded); null until published',
        }),
        callInStatus: { type: 'string', enum: CALL_IN_STATUSES },
        url: { type: 'string', format: 'uri-reference' },
        documents: { type: 'array', items: ref('DecisionDocument') },
      },
    },
    DecisionDocument: {
      description: 'A published document has a url; an exempt one has only its label, title and paragraph',
      oneOf: [
        {
          type: 'object',
          required: ['label', 'title', 'url'],
          properties: {
            label: { type: 'string' },
            title: { type: 'string' },
            url: { type: 'string', format: 'uri-reference' },
          },
        },
        {
          type: 'object',
          required: ['label', 'title', 'exempt'],
          properties: {
            label: { type: 'string' },
            title: { type: 'string' },
            exempt: {
              type: 'object',
              required: ['paragraph'],
              description: 'Withheld under a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972',
              properties: { paragraph: { type: 'integer', minimum: 1, maximum: 7 } },
            },
          },
        },
      ],
    },
    ForwardPlan: {
      type: 'object',
      required: ['plan', 'items'],
      properties: {
        plan: nullable({
          type: 'object',
          properties: {
            title: { type: 'string' },
            periodFrom: isoDate,
            periodTo: isoDate,
            publishedOn: nullable(isoDate),
            url: { type: 'string', format: 'uri-reference' },
          },
        }),
        items: { type: 'array', items: ref('ForwardPlanItem') },
      },
    },
    ForwardPlanItem: {
      type: 'object',
      required: ['reference', 'matter', 'decisionTaker', 'anticipated', 'isNew', 'private', 'url'],
      properties: {
        reference: { type: 'string', examples: ['16/2023'] },
        matter: { type: 'string' },
        decisionTaker: { type: 'string', examples: ['Executive'] },
        cabinetMember: text,
        anticipated: {
          type: 'object',
          properties: { month: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' }, date: nullable(isoDate) },
        },
        consultation: text,
        representations: text,
        documents: text,
        responsibleOfficer: text,
        isNew: { type: 'boolean' },
        private: nullable({
          type: 'object',
          description: 'To be decided in private under a paragraph of Part 1 of Schedule 12A',
          properties: { paragraph: { type: 'integer', minimum: 1, maximum: 7 } },
        }),
        url: { type: 'string', format: 'uri-reference' },
      },
    },
  },
}
