import type { Context } from '#src/platform/auth/user.ts'
import type { GeneratedAppendixKind, GeneratedPaper } from '#src/platform/papers/generated.ts'
import type { PaperBlock, PaperSection } from '#src/platform/papers/paper.ts'
import type { Travel } from '#src/platform/rules/direction-of-travel.ts'
import { monthLabel, monthsEndingAt, monthsFrom, shortMonthLabel } from './rules.ts'
import { CHARTED_MEASURES, type FiguresView, type WaitingListsService } from './service.ts'

/** How many months each service's chart covers, up to the month printed (a year, as the committee reads it). */
export const CHART_MONTHS = 12

export interface DashboardPaperOptions {
  /** 'YYYY-MM'; the month the dashboard opens on when not given. */
  month?: string | undefined
}

const figure = (value: number | null, unit = '') => (value === null ? 'Not known' : `${value}${unit ? ` ${unit}` : ''}`)

/** The change from the month before in words, as the dashboard gives it beside each figure. */
function change(travel: Travel | null): string {
  if (!travel) return ''
  if (travel.direction === 'no change') return 'no change'
  const better = { improving: ', better', worsening: ', worse' }[travel.direction as string] ?? ''
  return `${travel.delta > 0 ? 'up' : 'down'} ${Math.abs(travel.delta)}${better}`
}

const withChange = (value: string, travel: Travel | null) => (travel ? `${value}\n${change(travel)}` : value)

function figuresCells(f: FiguresView): string[] {
  return [
    withChange(figure(f.referralsWaiting), f.changes.referralsWaiting),
    withChange(figure(f.over18Weeks), f.changes.over18Weeks),
    f.shareOver18Weeks === null ? 'Not known' : `${f.shareOver18Weeks}%`,
    withChange(figure(f.over52Weeks), f.changes.over52Weeks),
    withChange(figure(f.over78Weeks), f.changes.over78Weeks),
    withChange(figure(f.averageWeeks, 'weeks'), f.changes.averageWeeks),
    withChange(figure(f.longestWeeks, 'weeks'), f.changes.longestWeeks),
  ]
}

const MONTH_COLUMNS = [
  { heading: 'Service', width: 2.4 },
  { heading: 'Referrals waiting' },
  { heading: 'Over 18 weeks' },
  { heading: 'Share over 18 weeks' },
  { heading: 'Over 52 weeks' },
  { heading: 'Over 78 weeks' },
  { heading: 'Average wait' },
  { heading: 'Longest wait' },
]

/** One service's chart of the months up to `month`, with a break where a month has no figures, then its table. */
function serviceCharts(
  history: Awaited<ReturnType<WaitingListsService['history']>>,
  month: string,
): PaperSection | null {
  const { service, figures } = history
  const start = monthsEndingAt(month, CHART_MONTHS)[0]
  const inWindow = figures.filter((f) => f.month >= start && f.month <= month)
  if (!inWindow.length) return null
  // From the first month with figures: a service that began reporting in the year has no line before.
  const months = monthsFrom(inWindow[0].month, month)
  const byMonth = new Map(inWindow.map((f) => [f.month, f]))
  const missing = months.filter((m) => !byMonth.has(m))
  const title = `${service.name}: children waiting, by month`
  const range = `${monthLabel(months[0])} to ${monthLabel(month)}`
  const ends = CHARTED_MEASURES.map(({ key, name }) => {
    const known = inWindow.filter((f) => f[key] !== null)
    if (!known.length) return `${name}: no figures`
    const [first, last] = [known[0], known.at(-1)!]
    return first === last
      ? `${name}: ${first[key]} in ${monthLabel(first.month)}`
      : `${name}: ${first[key]} in ${monthLabel(first.month)}, ${last[key]} in ${monthLabel(last.month)}`
  })
  const gaps = missing.length ? ` No figures for ${missing.map(monthLabel).join(', ')}: the lines break there.` : ''
  const chart: PaperBlock = {
    kind: 'chart',
    title,
    alt: `Line chart of children waiting at the end of each month, ${range}. ${ends.join('. ')}.${gaps} The table after the chart gives every figure.`,
    labels: months.map(shortMonthLabel),
    series: CHARTED_MEASURES.map(({ key, name }) => ({
      name,
      values: months.map((m) => byMonth.get(m)?.[key] ?? null),
    })),
  }
  const table: PaperBlock = {
    kind: 'table',
    caption: `${service.name}: figures by month, ${range}`,
    columns: [{ heading: 'Month', width: 1.4 }, ...CHARTED_MEASURES.map(({ name }) => ({ heading: name }))],
    rows: months.map((m) => {
      const f = byMonth.get(m)
      return [monthLabel(m), ...CHARTED_MEASURES.map(({ key }) => (f ? figure(f[key]) : 'No figures'))]
    }),
  }
  return {
    id: `service-${service.slug}`,
    bookmark: service.name,
    // A page each: a chart and its table read together, and its bookmark opens on its heading.
    newPage: true,
    blocks: [{ kind: 'heading', level: 3, text: service.name }, chart, table],
  }
}

/**
 * The waiting-list dashboard for a month as a paper (Appendix 6(a) in the committee's papers): the
 * dashboard's table, the services with no figures named, then each service's chart of the year to that
 * month followed by the same figures as a table. Throws NotFoundError for a month with no figures.
 */
export function createDashboardPaper(service: WaitingListsService) {
  return async function dashboardPaper(ctx: Context, options: DashboardPaperOptions = {}): Promise<GeneratedPaper> {
    const dashboard = await service.dashboard(ctx, options.month)
    const { month, services, withoutFigures } = dashboard
    const label = dashboard.monthLabel
    const title = label ? `Health waiting lists: ${label}` : 'Health waiting lists'
    const intro: PaperBlock[] = [
      { kind: 'heading', level: 1, text: label ? `Waiting lists at the end of ${label}` : 'Waiting lists' },
      {
        kind: 'paragraph',
        text: 'How long children wait for health services, from referral, as the figures are reported to the committee each month. A lower figure is better for every measure; each change is from the month before, when that month has figures.',
      },
    ]
    if (!services.length || !month || !label) {
      const none = services.length
        ? 'No waiting-list figures have been recorded yet.'
        : 'No health services have been added yet.'
      return { title, landscape: true, sections: [{ blocks: [...intro, { kind: 'paragraph', text: none }] }] }
    }
    const histories = await Promise.all(services.map((s) => service.history(ctx, s.slug)))
    const charts = histories.map((history) => serviceCharts(history, month))
    const uncharted = services.filter((_, index) => !charts[index]).map((s) => s.name)
    const table: PaperBlock = {
      kind: 'table',
      caption: `Children waiting at the end of ${label}, by service`,
      columns: MONTH_COLUMNS,
      rows: services.map((s) => [
        s.provider ? `${s.name}\n${s.provider}` : s.name,
        ...(s.figures ? figuresCells(s.figures) : [`No figures for ${label}`, '', '', '', '', '', '']),
      ]),
    }
    return {
      title,
      landscape: true,
      sections: [
        {
          id: 'waiting-lists',
          bookmark: `Waiting lists at the end of ${label}`,
          blocks: [
            ...intro,
            ...(withoutFigures.length
              ? [
                  {
                    kind: 'paragraph' as const,
                    text: `No figures for ${label} have been recorded for ${withoutFigures.join(', ')}.`,
                  },
                ]
              : []),
            table,
            {
              kind: 'paragraph',
              style: 'small',
              text: 'Referrals waiting are referrals at the end of the month still waiting for first contact with any practitioner or doctor.',
            },
          ],
        },
        {
          id: 'waiting-list-charts',
          bookmark: 'Charts by service',
          newPage: true,
          blocks: [
            { kind: 'heading', level: 2, text: `Children waiting by month, in the ${CHART_MONTHS} months to ${label}` },
            ...(uncharted.length
              ? [{ kind: 'paragraph' as const, text: `No figures in these months for ${uncharted.join(', ')}.` }]
              : []),
          ],
          sections: charts.filter((chart): chart is PaperSection => chart !== null),
        },
      ],
    }
  }
}

export type DashboardPaper = ReturnType<typeof createDashboardPaper>

/** The dashboard for a month, as an appendix a report author generates (Appendix 6(a)): the month is the subject. */
export function waitingListsAppendix(service: WaitingListsService): GeneratedAppendixKind {
  const dashboardPaper = createDashboardPaper(service)
  return {
    key: 'waiting-lists',
    label: 'Health waiting lists for a month',
    hint: 'Each service’s figures for the month, then a chart of the 12 months to it with the same figures as a table',
    subject: {
      label: 'Which month?',
      error: 'Select which month',
      // Latest first, as the dashboard offers them.
      choices: async (ctx) => (await service.dashboard(ctx)).months,
    },
    build: (ctx, request) => dashboardPaper(ctx, { month: request.subject ?? undefined }),
  }
}
