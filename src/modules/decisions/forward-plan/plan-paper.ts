import type { Context } from '#src/platform/auth/user.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import type { GeneratedPaper, PaperBlock } from '#src/platform/papers/paper.ts'
import { asAtText } from '#src/platform/papers/query.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { ForwardPlanService } from './service.ts'

type Plan = Awaited<ReturnType<ForwardPlanService['getPlan']>>
type Item = Plan['items'][number]

/**
 * The matter as the page shows it, with its tags in words: new, urgent, and private with the paragraph
 * of Schedule 12A (never the reason, which the page does not show either).
 */
function matterCell(item: Item): string {
  return [
    item.matter,
    item.isNew && 'New item',
    item.urgency !== 'none' && `Urgent: ${item.urgencyLabel.toLowerCase()}`,
    item.private && `Private: ${item.private.label}`,
  ]
    .filter(Boolean)
    .join('\n')
}

/** The forward plan as Appendix 5(a): the notice's period, then its key decisions with the page's columns. */
export function forwardPlanPaperOf(found: Plan | null, on: string): GeneratedPaper {
  const title = found ? found.plan.title : 'Forward plan'
  const blocks: PaperBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: asAtText(on), style: 'strong' },
  ]
  if (!found) {
    blocks.push({ kind: 'paragraph', text: 'No forward plan had been published.' })
    return { title, landscape: true, sections: [{ bookmark: title, blocks }] }
  }
  const { plan, items } = found
  const period = `Key decisions the Leader of the Council expects to be taken between ${longDate(plan.periodFrom)} and ${longDate(plan.periodTo)}.`
  blocks.push({
    kind: 'paragraph',
    text: plan.publishedOn ? `${period} Published ${longDate(plan.publishedOn)}.` : period,
  })
  if (items.length) {
    blocks.push({
      kind: 'table',
      caption: 'Key decisions',
      columns: [
        { heading: 'Anticipated date of decision', width: 1.3 },
        { heading: 'Matter for decision', width: 4 },
        { heading: 'Decision reference', width: 1.1 },
        { heading: 'Decision taker', width: 1.5 },
        { heading: 'Relevant Cabinet Member', width: 1.5 },
      ],
      rows: items.map((item) => [
        item.anticipated,
        matterCell(item),
        item.reference,
        item.decisionTaker,
        item.cabinetMember?.name ?? '',
      ]),
    })
  } else {
    blocks.push({ kind: 'paragraph', text: 'There are no key decisions in this plan.' })
  }
  return { title, landscape: true, sections: [{ bookmark: title, blocks }] }
}

export interface ForwardPlanPaperOptions {
  /** A notice's slug ('2024-01'); by default the latest, or given `on`, the latest published by then. */
  plan?: string
  /** 'YYYY-MM-DD': the day the paper is as at; the app's today by default. */
  on?: string
}

/** The builder a report's generated appendix calls: the forward plan in force on a day, as a paper. */
export function forwardPlanPaper(deps: { service: Pick<ForwardPlanService, 'getPlan'>; today: () => string }) {
  return async (ctx: Context, options: ForwardPlanPaperOptions = {}): Promise<GeneratedPaper> => {
    const on = options.on ?? deps.today()
    try {
      return forwardPlanPaperOf(await deps.service.getPlan(ctx, options.plan, options.on), on)
    } catch (error) {
      if (options.plan || !(error instanceof NotFoundError)) throw error
      return forwardPlanPaperOf(null, on)
    }
  }
}
