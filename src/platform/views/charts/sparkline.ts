import nunjucks from 'nunjucks'
import { escapeHtml as esc } from '../filters.ts'

const round = (n: number) => Math.round(n * 10) / 10

/**
 * A small chart for a table row: actuals as a line with dots, targets as short grey bars, one
 * slot per period. It is an image whose name says what it shows; the row holds the figures.
 */
export function sparkline(options: { label: string; actuals: (number | null)[]; targets: (number | null)[] }) {
  const width = 120
  const height = 36
  const pad = 5
  const slots = Math.max(options.actuals.length, options.targets.length, 1)
  const all = [...options.actuals, ...options.targets].filter((n): n is number => n !== null)
  if (all.length === 0) return new nunjucks.runtime.SafeString('')
  const min = Math.min(...all)
  const max = Math.max(...all)
  const span = max - min || 1
  const x = (i: number) => (slots === 1 ? width / 2 : pad + (i / (slots - 1)) * (width - 2 * pad))
  const y = (v: number) => height - pad - ((v - min) / span) * (height - 2 * pad)
  const parts = [
    // Inline in a page, an SVG needs no namespace: the framework carries dozens.
    `<svg class="app-sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(options.label)}" focusable="false">`,
  ]
  const targetPoints = options.targets.flatMap((target, i) => (target === null ? [] : [[x(i), y(target)] as const]))
  if (targetPoints.length > 1) {
    const d = targetPoints.map(([px, py], i) => `${i ? 'L' : 'M'}${round(px)} ${round(py)}`).join('')
    parts.push(`<path d="${d}" fill="none" stroke="#b1b4b6" stroke-width="1" stroke-dasharray="3 2"/>`)
  }
  options.targets.forEach((target, i) => {
    if (target !== null) {
      parts.push(
        `<line x1="${round(x(i) - 6)}" x2="${round(x(i) + 6)}" y1="${round(y(target))}" y2="${round(y(target))}" stroke="#505a5f" stroke-width="2"/>`,
      )
    }
  })
  const known = options.actuals.flatMap((actual, i) => (actual === null ? [] : [[x(i), y(actual)] as const]))
  if (known.length > 1) {
    const d = known.map(([px, py], i) => `${i ? 'L' : 'M'}${round(px)} ${round(py)}`).join('')
    parts.push(`<path d="${d}" fill="none" stroke="#1d70b8" stroke-width="2"/>`)
  }
  for (const [px, py] of known) parts.push(`<circle cx="${round(px)}" cy="${round(py)}" r="3" fill="#1d70b8"/>`)
  parts.push('</svg>')
  return new nunjucks.runtime.SafeString(parts.join(''))
}
