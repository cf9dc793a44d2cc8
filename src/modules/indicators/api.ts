import type { FastifyInstance } from 'fastify'
import type { IndicatorsService } from './service.ts'

/** GET /api/v1/indicators: every published indicator with each period's figures, rating and direction. */
export function indicatorsApi(deps: { service: IndicatorsService }) {
  return async function (app: FastifyInstance) {
    app.get('/api/v1/indicators', async (_request, reply) => {
      const indicators = await deps.service.forApi()
      reply.header('cache-control', 'public, max-age=60')
      return {
        indicators: indicators.map((indicator) => ({
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
    })
  }
}
