import { lineChart } from '#src/platform/views/charts/line-chart.ts'
import { sparkline } from '#src/platform/views/charts/sparkline.ts'
import { formatFigure, unitLabel } from './format.ts'
import type { FigureRow } from './repository.ts'
import type { IndicatorView } from './service.ts'

/** The sparkline of an indicator's row in the framework. */
export function rowChart(view: IndicatorView<FigureRow>) {
  const actuals = view.periods.map((p) => p.value?.actual ?? null)
  const targets = view.periods.map((p) => p.value?.target ?? null)
  const known = view.periods.filter((p) => p.value?.actual !== null && p.value?.actual !== undefined)
  const label = known.length
    ? `Actuals of ${view.name}: ${known.map((p) => `${p.period.name} ${formatFigure(p.value!.actual, view)}`).join(', ')}`
    : `No actuals yet for ${view.name}`
  return sparkline({ label, actuals, targets })
}

/** The indicator page's chart: actual, target and any benchmarks, one point per period. */
export function indicatorChart(view: IndicatorView) {
  const series = (
    [
      ['Actual', (p) => p.value?.actual ?? null],
      ['Target', (p) => p.value?.target ?? null],
      ['England', (p) => p.value?.england ?? null],
      ['Region', (p) => p.value?.region ?? null],
      ['Statistical neighbours', (p) => p.value?.statisticalNeighbours ?? null],
    ] as const satisfies readonly [string, (p: IndicatorView['periods'][number]) => number | null][]
  )
    .map(([name, pick]) => ({
      name,
      points: view.periods.map((p, index) => ({
        x: index,
        label: p.period.name.replace(/^Baseline /, 'Baseline '),
        y: pick(p),
      })),
    }))
    .filter((s) => s.points.some((point) => point.y !== null))
  if (series.length === 0) return null
  return lineChart({
    id: 'indicator-chart',
    title: `${view.name}: actual against target${series.length > 2 ? ' and benchmarks' : ''}`,
    description: `${series.map((s) => s.name).join(', ')} for each period, in ${unitLabel(view.unit)}. The table below gives the same figures.`,
    yLabel: unitLabel(view.unit, { short: true }),
    series,
  })
}
