import type { Context } from '#src/platform/auth/user.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { GeneratedAppendixKind, GeneratedPaper } from '#src/platform/papers/generated.ts'
import type { PaperBlock, PaperSection } from '#src/platform/papers/paper.ts'
import { RAG_TAGS } from '#src/platform/views/components/rag-tag.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { describeValue } from './format.ts'
import type { PeriodRow } from './repository.ts'
import type { IndicatorView, IndicatorsService, PeriodFigures } from './service.ts'

export interface FrameworkPaperOptions {
  /** A reporting period's slug ('2023-10'); the latest period with an actual when not given. */
  period?: string | undefined
}

/** The period a paper is for when none is asked: the latest (not the baseline) in which an indicator has an actual. */
export function latestReportedPeriod(framework: {
  periods: PeriodRow[]
  latestReportedPeriodId: string | undefined
}): PeriodRow | null {
  return framework.periods.find((period) => period.id === framework.latestReportedPeriodId) ?? null
}

/** The direction of travel in words, as the framework page gives it: "Improving since October 2023". */
function direction(figures: PeriodFigures): string {
  const d = figures.direction
  if (!d) return ''
  const words = d.direction.replace(/^./, (c) => c.toUpperCase())
  return `${words} since ${d.from}`
}

function rating(figures: PeriodFigures, actual: string): string {
  if (figures.rag) return RAG_TAGS[figures.rag].text
  return actual ? 'No target to rate against' : ''
}

function row(view: IndicatorView, period: PeriodRow): string[] {
  const figures = view.periods.find((p) => p.period.id === period.id)!
  const shown = describeValue(figures, view)
  const baseline = view.baseline ? describeValue(view.baseline, view).actual : ''
  const name = [view.name, view.reference ? `(ref. ${view.reference})` : '', view.published ? '' : '(internal)']
  return [
    name.filter(Boolean).join(' '),
    baseline || 'None',
    shown.target || 'None',
    shown.actual || 'Not reported',
    rating(figures, shown.actual),
    direction(figures),
  ]
}

/**
 * The outcomes framework for a period as a paper (Appendix 8(b) in the committee's papers): each group's
 * indicators with their baseline, the period's target and actual, the rating against the target and the
 * direction of travel, all as the framework page works them out, and only the indicators the reader may
 * see on that page. Throws NotFoundError for a period the framework does not have.
 */
export function createFrameworkPaper(service: IndicatorsService) {
  return async function frameworkPaper(ctx: Context, options: FrameworkPaperOptions = {}): Promise<GeneratedPaper> {
    const framework = await service.framework(ctx)
    const period = options.period
      ? framework.periods.find((p) => p.slug === options.period)
      : (latestReportedPeriod(framework) ?? framework.periods.at(-1))
    if (options.period && !period) throw new NotFoundError('Period')
    const title = period ? `Outcomes framework: ${period.name}` : 'Outcomes framework'
    const intro: PaperBlock[] = [
      { kind: 'heading', level: 1, text: title },
      { kind: 'paragraph', style: 'strong', text: `As at ${longDate(framework.today)}` },
      {
        kind: 'paragraph',
        text: 'How the improvement plan measures success: each indicator’s baseline, its target and what was achieved, with a rating against the target and the direction of travel since the period before. Ratings allow a margin (5% of the target unless an indicator says otherwise) before a missed target turns red.',
      },
    ]
    if (!period || !framework.groups.length) {
      const none: PaperBlock = { kind: 'paragraph', text: 'No indicators have been set up yet.' }
      return { title, landscape: true, sections: [{ blocks: [...intro, none] }] }
    }
    const groups = framework.groups.map((group): PaperSection => ({
      id: `group-${group.group}`,
      bookmark: group.label,
      blocks: [
        { kind: 'heading', level: 2, text: group.label },
        {
          kind: 'table',
          caption: `${period.name}: baseline, target and actual`,
          columns: [
            { heading: 'Indicator', width: 3.2 },
            { heading: 'Baseline' },
            { heading: 'Target' },
            { heading: 'Actual' },
            { heading: 'Rating' },
            { heading: 'Direction of travel', width: 1.4 },
          ],
          rows: group.indicators.map((view) => row(view, period)),
        },
      ],
    }))
    return { title, landscape: true, sections: [{ id: 'outcomes', blocks: intro }, ...groups] }
  }
}

export type FrameworkPaper = ReturnType<typeof createFrameworkPaper>

/** The framework for a period, as an appendix a report author generates (Appendix 8(b)): the period is the subject. */
export function frameworkAppendix(service: IndicatorsService): GeneratedAppendixKind {
  const frameworkPaper = createFrameworkPaper(service)
  return {
    key: 'outcomes-framework',
    label: 'Outcomes framework for a period',
    hint: 'Each indicator’s baseline, target, actual, rating and direction of travel, by group',
    subject: {
      label: 'Which period?',
      error: 'Select which period',
      choices: async (ctx) =>
        (await service.paperPeriods(ctx)).map((period) => ({ value: period.slug, text: period.name })).reverse(),
    },
    build: (ctx, request) => frameworkPaper(ctx, { period: request.subject ?? undefined }),
  }
}
