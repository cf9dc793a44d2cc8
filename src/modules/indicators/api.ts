import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { apiList, apiPageQuery, invalidQueryResponse, jsonResponse, sitePath } from '#src/platform/http/api-schemas.ts'
import type { Direction } from '#src/platform/rules/direction-of-travel.ts'
import type { Rag } from './rules.ts'
import type { IndicatorsService } from './service.ts'
import { ASPIRATIONS, POLARITIES, UNITS } from './tables.ts'

const figure = (description: string) => z.number().nullable().describe(description)

const valueSchema = z
  .strictObject({
    period: z.string().meta({ examples: ['2023-10'] }),
    periodName: z.string().meta({ examples: ['October 2023'] }),
    baseline: z.boolean(),
    target: figure('The target, if there is one'),
    aspiration: z.enum(ASPIRATIONS).nullable(),
    actual: figure('What was achieved'),
    rag: z.enum(['green', 'amber', 'red'] as const satisfies readonly Rag[]).nullable(),
    direction: z
      .enum(['improving', 'worsening', 'no change', 'changed'] as const satisfies readonly Direction[])
      .nullable(),
    england: figure('England benchmark'),
    region: figure('Regional benchmark'),
    statisticalNeighbours: figure('Statistical-neighbour median'),
  })
  .meta({ id: 'IndicatorValue' })

const indicatorSchema = z
  .strictObject({
    code: z.string().meta({ examples: ['OF3.1'] }),
    name: z.string(),
    group: z.string().describe('The key of the council’s group the indicator belongs to'),
    unit: z.enum(UNITS),
    polarity: z.enum(POLARITIES),
    decimals: z.int(),
    tolerance: z.number().describe('How far from target (relative) still rates amber'),
    definition: z.string().nullable(),
    source: z.string().nullable(),
    url: sitePath(),
    values: z.array(valueSchema),
  })
  .meta({ id: 'Indicator' })

/** GET /api/v1/indicators: every published indicator with each period's figures, rating and direction. */
export function indicatorsApi(deps: { service: IndicatorsService }) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/indicators',
      {
        schema: {
          operationId: 'listIndicators',
          summary:
            'The outcomes framework: published indicators with targets, actuals, ratings and direction of travel',
          tags: ['Outcomes framework'],
          querystring: apiPageQuery,
          response: {
            200: jsonResponse(apiList('indicators', indicatorSchema), 'Every published indicator'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const { items, ...page } = request.openDataPage(await deps.service.forApi())
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...page,
          indicators: items.map((indicator) => ({
            code: indicator.code,
            name: indicator.name,
            group: indicator.indicatorGroup,
            unit: indicator.unit,
            polarity: indicator.polarity,
            decimals: indicator.decimals,
            tolerance: indicator.tolerance,
            definition: indicator.definition || null,
            source: indicator.source || null,
            url: `/outcomes/${encodeURIComponent(indicator.code)}`,
            values: indicator.periods
              .filter((p) => p.value)
              .map((p) => ({
                period: p.period.slug,
                periodName: p.period.name,
                baseline: p.period.isBaseline,
                target: p.value!.target,
                aspiration: p.value!.aspiration,
                actual: p.value!.actual,
                rag: p.rag,
                direction: p.direction?.direction ?? null,
                england: p.value!.england,
                region: p.value!.region,
                statisticalNeighbours: p.value!.statisticalNeighbours,
              })),
          })),
        }
      },
    )
  }
}
