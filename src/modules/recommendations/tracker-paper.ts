import type { Context } from '#src/platform/auth/user.ts'
import type { GeneratedPaper, PaperBlock } from '#src/platform/papers/paper.ts'
import { asAtText } from '#src/platform/papers/query.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { Rag } from './rag.ts'
import type { TrackerQuery } from './schema.ts'
import type { RecommendationsService } from './service.ts'
import { TRACKER_HEADINGS, trackerCells } from './tracker-export.ts'

type Tracker = Awaited<ReturnType<RecommendationsService['trackerOf']>>

/** Each rating as the tracker's summary counts it, in the order it lists them. */
const SUMMARY_WORDS: [Rag, string][] = [
  ['red', 'red'],
  ['amber', 'amber'],
  ['green', 'green'],
  ['target date needed', 'with no target date'],
  ['complete', 'complete'],
  ['withdrawn', 'withdrawn'],
]

/** "12 recommendations: 3 red, 2 amber, 7 green.", as the tracker's page and its paper say it; '' for none. */
export function trackerSummary(tracker: Pick<Tracker, 'total' | 'counts'>): string {
  if (tracker.total === 0) return ''
  const counts = SUMMARY_WORDS.filter(([rag]) => tracker.counts[rag]).map(
    ([rag, words]) => `${tracker.counts[rag]} ${words}`,
  )
  return `${tracker.total} recommendation${tracker.total === 1 ? '' : 's'}: ${counts.join(', ')}.`
}

/** "Showing 3 of 12 recommendations.", when a filter leaves some out: all that match, on every page. */
export function trackerShowing(tracker: Pick<Tracker, 'total' | 'matched'>): string {
  return `Showing ${tracker.matched} of ${tracker.total} recommendations.`
}

/** Relative widths of TRACKER_HEADINGS' columns: the words take the room. */
const WIDTHS = [0.7, 1, 3, 1, 1.2, 3, 1, 0.8, 1]

/** The tracker as Appendix 10(b): the body, the date it is as at, the summary and one row per recommendation. */
export function trackerPaperOf(tracker: Tracker, filtered: boolean): GeneratedPaper {
  const title = `Recommendations tracker: ${tracker.body.name}`
  const blocks: PaperBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: asAtText(tracker.today), style: 'strong' },
    {
      kind: 'paragraph',
      text: `The recommendations and actions the committee has agreed, who is responsible for each, and the latest update. The RAG rating is worked out from the target date and the latest update, as of ${longDate(tracker.today)}.`,
    },
  ]
  const summary = trackerSummary(tracker)
  if (summary) blocks.push({ kind: 'paragraph', text: summary })
  if (filtered) blocks.push({ kind: 'paragraph', text: trackerShowing(tracker), style: 'strong' })
  if (tracker.recommendations.length) {
    blocks.push({
      kind: 'table',
      caption: `Recommendations of ${tracker.body.name}${filtered ? ' (filtered)' : ''}`,
      columns: TRACKER_HEADINGS.map((heading, index) => ({ heading, width: WIDTHS[index] })),
      rows: tracker.recommendations.map((view) => trackerCells(view, longDate)),
    })
  } else {
    const none = tracker.total ? 'No recommendations match these filters.' : 'No recommendations have been recorded.'
    blocks.push({ kind: 'paragraph', text: none })
  }
  return { title, landscape: true, sections: [{ bookmark: title, blocks }] }
}

export interface TrackerPaperOptions {
  /** The body's slug. */
  body: string
  /** 'YYYY-MM-DD': the tracker as it stood that day; the app's today by default. */
  on?: string
  filter?: Partial<TrackerQuery>
}

/** The builder a report's generated appendix calls: the body's tracker as at a date, as a paper. */
export function trackerPaper(service: Pick<RecommendationsService, 'trackerOf'>) {
  return async (ctx: Context, options: TrackerPaperOptions): Promise<GeneratedPaper> => {
    const filter = options.filter ?? {}
    const tracker = await service.trackerOf(ctx, options.body, filter, options.on)
    const filtered = Boolean(filter.status || filter.rag || filter.officer || filter.overdue)
    return trackerPaperOf(tracker, filtered)
  }
}
