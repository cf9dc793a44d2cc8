import type { OpenApiFragment } from '#src/modules/publishing/index.ts'

const count = (description: string) => ({ oneOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }], description })
const weeks = (description: string) => ({ oneOf: [{ type: 'number', minimum: 0 }, { type: 'null' }], description })

export const waitingListsOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/waiting-lists': {
      get: {
        operationId: 'listWaitingLists',
        summary: 'Health services’ waiting lists for children at the end of a month',
        tags: ['Waiting lists'],
        parameters: [
          {
            name: 'month',
            in: 'query',
            description: 'The month, YYYY-MM; the latest month with figures when left out',
            schema: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', examples: ['2023-12'] },
          },
        ],
        responses: {
          '200': {
            description: 'Every service, with its figures for the month (null where not recorded)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['month', 'services'],
                  properties: {
                    month: { oneOf: [{ type: 'string' }, { type: 'null' }] },
                    services: { type: 'array', items: { $ref: '#/components/schemas/WaitingList' } },
                  },
                },
              },
            },
          },
          '400': {
            description: 'The month is not valid',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '404': {
            description: 'No figures for that month',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
  },
  schemas: {
    WaitingList: {
      type: 'object',
      required: [
        'slug',
        'name',
        'url',
        'recorded',
        'referralsWaiting',
        'over18Weeks',
        'over52Weeks',
        'over78Weeks',
        'averageWeeks',
        'longestWeeks',
      ],
      properties: {
        slug: { type: 'string' },
        name: { type: 'string' },
        provider: { oneOf: [{ type: 'string' }, { type: 'null' }] },
        url: { type: 'string', description: 'The service’s page, with every month’s figures' },
        recorded: { type: 'boolean', description: 'Whether the month has figures for this service' },
        referralsWaiting: count('Referrals at month end awaiting first contact'),
        over18Weeks: count('Number waiting more than 18 weeks'),
        over52Weeks: count('Number waiting more than 52 weeks'),
        over78Weeks: count('Number waiting more than 78 weeks'),
        averageWeeks: weeks('Average wait in weeks'),
        longestWeeks: weeks('Longest wait in weeks'),
        shareOver18Weeks: count('Percentage of referrals waiting more than 18 weeks, rounded'),
        referralsWaitingChange: {
          oneOf: [{ type: 'integer' }, { type: 'null' }],
          description: 'Change in referrals waiting from the month before, when both are recorded',
        },
        source: { oneOf: [{ type: 'string' }, { type: 'null' }] },
      },
    },
  },
}
