import type { Context } from '#src/platform/auth/user.ts'
import type { GeneratedPaper, PaperBlock } from '#src/platform/papers/paper.ts'
import { asAtText } from '#src/platform/papers/query.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { DecisionsService } from './service.ts'

type BodyDecisions = Awaited<ReturnType<DecisionsService['forBody']>>

/** What the page says the list is: "… taken on or after 9 November 2023, the date of the committee's last meeting." */
export function bodyDecisionsIntro(view: Pick<BodyDecisions, 'since' | 'lastMeeting'>): string {
  if (!view.since) return 'Decisions by the Executive and Cabinet Members.'
  const lastMeeting = view.lastMeeting?.date === view.since ? ', the date of the committee’s last meeting' : ''
  return `Decisions by the Executive and Cabinet Members taken on or after ${longDate(view.since)}${lastMeeting}.`
}

/** The decisions since the last meeting as Appendix 4(a): the page's table, each decision's parts numbered. */
export function bodyDecisionsPaperOf(view: BodyDecisions): GeneratedPaper {
  const title = `Executive and Cabinet Member decisions: ${view.body.name}`
  const blocks: PaperBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: asAtText(view.on), style: 'strong' },
    { kind: 'paragraph', text: bodyDecisionsIntro(view) },
  ]
  if (view.decisions.length) {
    const count = view.decisions.length
    blocks.push({
      kind: 'table',
      caption: `${count} decision${count === 1 ? '' : 's'}`,
      columns: [
        { heading: 'Decision', width: 5 },
        { heading: 'Number', width: 1 },
        { heading: 'Date', width: 1.2 },
        { heading: 'Decision taker', width: 2 },
      ],
      rows: view.decisions.map((d) => [
        [d.title, ...d.parts.map((part, index) => `${index + 1}. ${part}`)].join('\n'),
        d.number ?? 'None',
        longDate(d.decidedOn),
        d.taker.label,
      ]),
    })
  } else {
    blocks.push({ kind: 'paragraph', text: 'No decisions have been taken in this period.' })
  }
  return { title, landscape: true, sections: [{ bookmark: title, blocks }] }
}

export interface BodyDecisionsPaperOptions {
  /** The body's slug. */
  body: string
  /** 'YYYY-MM-DD': decisions taken up to this day; the app's today by default. */
  on?: string
  /** 'YYYY-MM-DD': from this day; by default the body's last meeting before `on`. */
  since?: string
}

/** The builder a report's generated appendix calls: the decisions since the body's last meeting, as a paper. */
export function bodyDecisionsPaper(service: Pick<DecisionsService, 'forBody'>) {
  return async (ctx: Context, options: BodyDecisionsPaperOptions): Promise<GeneratedPaper> =>
    bodyDecisionsPaperOf(await service.forBody(ctx, options.body, options.since, options.on))
}
