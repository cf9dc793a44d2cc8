import nunjucks from 'nunjucks'
import { escapeHtml as esc } from '../filters.ts'

/**
 * A line chart as SVG, drawn on the server: no script, nothing the Content Security Policy must
 * allow (presentation attributes only, no inline styles). It is an image with a title and a
 * description; the page puts the same figures in a table beside it, which is the accessible
 * version. Series differ by colour, dash pattern and marker shape, never colour alone.
 */

export interface ChartPoint {
  /** Position along the x axis (months since the first figure, say). */
  x: number
  /** Label of the point for the x axis. */
  label: string
  y: number | null
}

export interface ChartSeries {
  name: string
  points: ChartPoint[]
}

export interface LineChartOptions {
  id: string
  title: string
  description: string
  series: ChartSeries[]
  yLabel: string
  /**
   * Points further apart along x than this are not joined, nor those either side of a point with no value:
   * the line breaks where figures are missing (1 for monthly figures, so that a missing month shows as a
   * gap). When not given, the line joins the figures either side of any gap.
   */
  breakOver?: number
  width?: number
  height?: number
}

/** GOV.UK colours that keep 3:1 against white (WCAG 1.4.11), with a dash pattern and marker each. */
const STYLES = [
  { colour: '#1d70b8', dash: '', marker: 'circle' },
  { colour: '#d4351c', dash: '8 4', marker: 'square' },
  { colour: '#00703c', dash: '2 3', marker: 'triangle' },
  { colour: '#4c2c92', dash: '12 3 3 3', marker: 'diamond' },
] as const

const round = (n: number) => Math.round(n * 10) / 10

/** A tidy axis top and step: 0, step, 2·step … ≥ max, with four or five ticks. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 }
  const rough = max / 4
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!
  return { top: Math.ceil(max / step) * step, step }
}

function marker(shape: (typeof STYLES)[number]['marker'], x: number, y: number, colour: string): string {
  const at = `fill="${colour}" stroke="#ffffff" stroke-width="1"`
  switch (shape) {
    case 'circle':
      return `<circle cx="${round(x)}" cy="${round(y)}" r="4.5" ${at}/>`
    case 'square':
      return `<rect x="${round(x - 4)}" y="${round(y - 4)}" width="8" height="8" ${at}/>`
    case 'triangle':
      return `<path d="M${round(x)} ${round(y - 5)}L${round(x + 5)} ${round(y + 4)}L${round(x - 5)} ${round(y + 4)}Z" ${at}/>`
    default:
      return `<path d="M${round(x)} ${round(y - 5)}L${round(x + 5)} ${round(y)}L${round(x)} ${round(y + 5)}L${round(x - 5)} ${round(y)}Z" ${at}/>`
  }
}

/**
 * The points with values in order along x, as the runs a line joins: cut, when `breakOver` is given, wherever
 * a value is missing or the next point is further than that on; one run when it is not.
 */
export function runsOf(points: ChartPoint[], breakOver?: number): (ChartPoint & { y: number })[][] {
  const runs: (ChartPoint & { y: number })[][] = []
  let run: (ChartPoint & { y: number })[] = []
  for (const point of [...points].sort((a, b) => a.x - b.x)) {
    const last = run.at(-1)
    const cut = breakOver !== undefined && (point.y === null || (last !== undefined && point.x - last.x > breakOver))
    if (cut) {
      if (run.length) runs.push(run)
      run = []
    }
    if (point.y !== null) run.push({ ...point, y: point.y })
  }
  if (run.length) runs.push(run)
  return runs
}

export function lineChart(options: LineChartOptions): nunjucks.runtime.SafeString {
  const width = options.width ?? 640
  const height = options.height ?? 300
  const margin = { top: 16, right: 24, bottom: 56, left: 56 }
  // Room either side of the first and last points for their labels.
  const inset = 48
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom

  const points = options.series.flatMap((series) => series.points)
  const values = points.flatMap((point) => (point.y === null ? [] : [point.y]))
  const xs = points.map((point) => point.x)
  const minX = Math.min(...xs, 0)
  const maxX = Math.max(...xs, minX + 1)
  const { top, step } = niceScale(Math.max(0, ...values))
  const xAt = (x: number) =>
    margin.left +
    inset +
    (xs.length < 2 && maxX === minX + 1
      ? (plotWidth - 2 * inset) / 2
      : ((x - minX) / (maxX - minX)) * (plotWidth - 2 * inset))
  const yAt = (y: number) => margin.top + plotHeight - (y / top) * plotHeight

  const parts: string[] = []
  const titleId = `${options.id}-title`
  const descId = `${options.id}-desc`
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" focusable="false" font-family="&quot;GDS Transport&quot;, arial, sans-serif">`,
    `<title id="${titleId}">${esc(options.title)}</title>`,
    `<desc id="${descId}">${esc(options.description)}</desc>`,
  )
  // Gridlines and the y axis.
  for (let tick = 0; tick <= top + step / 2; tick += step) {
    const y = round(yAt(tick))
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/>`,
      `<text x="${margin.left - 8}" y="${y + 4}" text-anchor="end" font-size="13" fill="#0b0c0c">${esc(String(round(tick)))}</text>`,
    )
  }
  parts.push(
    `<text x="14" y="${margin.top + plotHeight / 2}" transform="rotate(-90 14 ${margin.top + plotHeight / 2})" text-anchor="middle" font-size="13" fill="#0b0c0c">${esc(options.yLabel)}</text>`,
  )
  // The x axis: a label under each distinct point, latest first, leaving out any that would
  // overlap the one after it (the table beside the chart has every month).
  const labels = [...new Map(points.map((point) => [point.x, point.label]))].sort((a, b) => b[0] - a[0])
  let lastDrawn = Number.POSITIVE_INFINITY
  for (const [x, label] of labels) {
    if (lastDrawn - xAt(x) < 64) continue
    lastDrawn = xAt(x)
    parts.push(
      `<text x="${round(xAt(x))}" y="${height - margin.bottom + 20}" text-anchor="middle" font-size="12" fill="#0b0c0c">${esc(label)}</text>`,
    )
  }
  // The series: a line through each run of figures without a gap, and a marker on each figure.
  options.series.forEach((series, index) => {
    const style = STYLES[index % STYLES.length]
    for (const run of runsOf(series.points, options.breakOver).filter((r) => r.length > 1)) {
      const d = run.map((point, i) => `${i ? 'L' : 'M'}${round(xAt(point.x))} ${round(yAt(point.y))}`).join('')
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
      parts.push(`<path d="${d}" fill="none" stroke="${style.colour}" stroke-width="3"${dash}/>`)
    }
    for (const point of series.points) {
      if (point.y !== null) parts.push(marker(style.marker, xAt(point.x), yAt(point.y), style.colour))
    }
  })
  // The key, under the axis labels.
  let keyX = margin.left
  options.series.forEach((series, index) => {
    const style = STYLES[index % STYLES.length]
    const y = height - 12
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
    parts.push(
      `<line x1="${keyX}" x2="${keyX + 28}" y1="${y - 4}" y2="${y - 4}" stroke="${style.colour}" stroke-width="3"${dash}/>`,
      marker(style.marker, keyX + 14, y - 4, style.colour),
      `<text x="${keyX + 36}" y="${y}" font-size="13" fill="#0b0c0c">${esc(series.name)}</text>`,
    )
    keyX += 44 + series.name.length * 7.5
  })
  parts.push('</svg>')
  return new nunjucks.runtime.SafeString(parts.join(''))
}
