import type { FigureRow } from './repository.ts'
import type { PeriodFigures } from './service.ts'
import type { IndicatorUnit } from './tables.ts'

const UNIT_LABELS: Record<IndicatorUnit, { long: string; short: string }> = {
  count: { long: 'a count', short: 'Number' },
  percentage: { long: 'percentages', short: 'Per cent' },
  'rate per 10000': { long: 'rates per 10,000 children aged 0 to 17', short: 'Per 10,000 children' },
  weeks: { long: 'weeks', short: 'Weeks' },
  days: { long: 'days', short: 'Days' },
  score: { long: 'scores', short: 'Score' },
}

export function unitLabel(unit: IndicatorUnit, options: { short?: boolean } = {}): string {
  return options.short ? UNIT_LABELS[unit].short : UNIT_LABELS[unit].long
}

/** Number formats by their fraction digits, made once: making one is most of formatting a number. */
const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits, maximumFractionDigits })
    numberFormats.set(key, format)
  }
  return format
}

/** A figure as the framework prints it: 43%, 422 per 10,000, 1,008, 26 weeks; '' for none. */
export function formatFigure(
  value: number | null | undefined,
  indicator: { unit: IndicatorUnit; decimals: number },
): string {
  if (value === null || value === undefined) return ''
  const number = numberFormat(
    Number.isInteger(value) ? 0 : Math.min(indicator.decimals, 3),
    Math.max(indicator.decimals, 1),
  ).format(value)
  switch (indicator.unit) {
    case 'percentage':
      return `${number}%`
    case 'rate per 10000':
      return `${number} per 10,000`
    case 'weeks':
      return `${number} weeks`
    case 'days':
      return `${number} days`
    default:
      return number
  }
}

const ASPIRATION_LABELS = {
  increase: 'Aspiration: increase',
  decrease: 'Aspiration: decrease',
  maintain: 'Aspiration: keep steady',
} as const

/** What the framework table shows for a period: target (or aspiration) and actual, in words. */
export function describeValue(figures: PeriodFigures<FigureRow>, indicator: { unit: IndicatorUnit; decimals: number }) {
  const value = figures.value
  return {
    target:
      value?.target !== null && value?.target !== undefined
        ? formatFigure(value.target, indicator)
        : value?.aspiration
          ? ASPIRATION_LABELS[value.aspiration]
          : '',
    // Computed from the returns on a count too small to publish: `c`, as official statistics mark it.
    actual: value?.suppressed ? 'c' : formatFigure(value?.actual, indicator),
  }
}
