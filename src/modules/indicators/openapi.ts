import type { OpenApiFragment } from '#src/modules/publishing/index.ts'
import { ASPIRATIONS, GROUPS, POLARITIES, UNITS } from './tables.ts'

const nullableNumber = (description: string) => ({ oneOf: [{ type: 'number' }, { type: 'null' }], description })

export const indicatorsOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/indicators': {
      get: {
        operationId: 'listIndicators',
        summary: 'The outcomes framework: published indicators with targets, actuals, ratings and direction of travel',
        tags: ['Outcomes framework'],
        responses: {
          '200': {
            description: 'Every published indicator',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['indicators'],
                  properties: { indicators: { type: 'array', items: { $ref: '#/components/schemas/Indicator' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  schemas: {
    Indicator: {
      type: 'object',
      required: ['code', 'name', 'group', 'unit', 'polarity', 'values'],
      properties: {
        code: { type: 'string', examples: ['OF3.1'] },
        name: { type: 'string' },
        group: { type: 'string', enum: [...GROUPS] },
        unit: { type: 'string', enum: [...UNITS] },
        polarity: { type: 'string', enum: [...POLARITIES] },
        decimals: { type: 'integer' },
        tolerance: { type: 'number', description: 'How far from target (relative) still rates amber' },
        definition: { oneOf: [{ type: 'string' }, { type: 'null' }] },
        source: { oneOf: [{ type: 'string' }, { type: 'null' }] },
        url: { type: 'string' },
        values: { type: 'array', items: { $ref: '#/components/schemas/IndicatorValue' } },
      },
    },
    IndicatorValue: {
      type: 'object',
      required: ['period', 'target', 'actual', 'rag', 'direction'],
      properties: {
        period: { type: 'string', examples: ['2023-10'] },
        periodName: { type: 'string', examples: ['October 2023'] },
        baseline: { type: 'boolean' },
        target: nullableNumber('The target, if there is one'),
        aspiration: { oneOf: [{ type: 'string', enum: [...ASPIRATIONS] }, { type: 'null' }] },
        actual: nullableNumber('What was achieved'),
        rag: { oneOf: [{ type: 'string', enum: ['green', 'amber', 'red'] }, { type: 'null' }] },
        direction: {
          oneOf: [{ type: 'string', enum: ['improving', 'worsening', 'no change', 'changed'] }, { type: 'null' }],
        },
        england: nullableNumber('England benchmark'),
        region: nullableNumber('Regional benchmark'),
        statisticalNeighbours: nullableNumber('Statistical-neighbour median'),
      },
    },
  },
}
