import type { Context } from '#src/platform/auth/user.ts'
import type { GeneratedAppendixKind, GeneratedPaper } from '#src/platform/papers/generated.ts'
import type { PaperBlock, PaperSection } from '#src/platform/papers/paper.ts'
import { RAG_TAGS } from '#src/platform/views/components/rag-tag.ts'
import { longDate } from '#src/platform/views/filters.ts'
import type { RagCounts } from './rules.ts'
import type { ImprovementService } from './service.ts'

export interface ProgressPaperOptions {
  /** 'YYYY-MM-DD': the plan as it stood at the end of this day; the app's today when not given. */
  on?: string | undefined
  /** 'YYYY-MM-DD': the updates from this day; the last meeting that considered the plan when not given. */
  since?: string | undefined
}

type Progress = Awaited<ReturnType<ImprovementService['progress']>>
type Action = Progress['actions'][number]
type Entry = Progress['entries'][number]['entries'][number]

const sentence = (text: string) => text.replace(/^./, (c) => c.toUpperCase())

/** The counts as the plan's pages give them: "2 red, 1 amber, 5 green, 3 complete". */
function counts(c: RagCounts): string {
  const dropped = c.dropped ? `, ${c.dropped} dropped` : ''
  return `${c.red} red, ${c.amber} amber, ${c.green} green, ${c.complete} complete${dropped}`
}

const due = (m: Action['milestones'][number]) => (m.dueOn ? longDate(m.dueOn) : m.dueNote || 'Date not set')

function milestonesTable(action: Action): PaperBlock {
  return {
    kind: 'table',
    caption: `${action.reference} milestones`,
    columns: [
      { heading: 'Milestone', width: 4 },
      { heading: 'Due', width: 1.4 },
      { heading: 'Status', width: 1.2 },
      { heading: 'RAG' },
      { heading: 'Last update', width: 1.4 },
    ],
    rows: action.milestones.map((m) => [
      m.text,
      due(m),
      m.completedOn && m.status === 'complete' ? `Completed ${longDate(m.completedOn)}` : sentence(m.status),
      RAG_TAGS[m.rag].text,
      m.lastUpdatedOn ? longDate(m.lastUpdatedOn) : 'None',
    ]),
  }
}

function updatesTable(action: Action, entries: Entry[], from: string): PaperBlock {
  return {
    kind: 'table',
    caption: `${action.reference} updates since ${longDate(from)}`,
    columns: [
      { heading: 'Date', width: 1.3 },
      { heading: 'Milestone', width: 2.5 },
      { heading: 'Update', width: 4 },
      { heading: 'Status', width: 1.5 },
    ],
    rows: entries.map(({ update, milestone }) => [
      longDate(update.onDate),
      milestone ? milestone.text : 'The action as a whole',
      `${update.text} (${update.author})`,
      update.statusTo ? `${sentence(update.statusFrom ?? '')} to ${update.statusTo}` : '',
    ]),
  }
}

function actionBlocks(action: Action, entries: Entry[], from: string): PaperBlock[] {
  const leads = action.leads.map((l) => (l.jobTitle ? `${l.name} (${l.jobTitle})` : l.name)).join(', ')
  return [
    { kind: 'heading', level: 3, text: `${action.reference} ${action.title}` },
    {
      kind: 'paragraph',
      text: `Status: ${RAG_TAGS[action.rag].text}. Led by ${leads || 'nobody named'}. Milestones: ${counts(action.counts)}.`,
    },
    ...(action.milestones.length ? [milestonesTable(action)] : []),
    entries.length
      ? updatesTable(action, entries, from)
      : { kind: 'paragraph', style: 'small', text: `No updates since ${longDate(from)}.` },
  ]
}

/**
 * An improvement plan's progress since the last meeting as a paper (Appendix 8(a) in the committee's
 * papers): the plan as it stood on a day, theme by theme, each action with its milestones' RAG and the
 * updates since the last meeting that considered the plan. Throws NotFoundError for no such plan.
 */
export function createProgressPaper(service: ImprovementService) {
  return async function progressPaper(
    ctx: Context,
    slug: string,
    options: ProgressPaperOptions = {},
  ): Promise<GeneratedPaper> {
    const view = await service.progress(ctx, slug, options)
    const { plan, from, today } = view
    const byAction = new Map(view.entries.map((group) => [group.action.id, group.entries]))
    const sections: PaperSection[] = [
      {
        id: 'plan',
        bookmark: 'Summary',
        blocks: [
          { kind: 'heading', level: 1, text: `${plan.title}: progress since ${longDate(from)}` },
          { kind: 'paragraph', style: 'strong', text: `As at ${longDate(today)}` },
          {
            kind: 'facts',
            rows: [
              { label: 'Plan', value: `${plan.title}, version ${plan.version}` },
              { label: 'Updates', value: `From ${longDate(from)} to ${longDate(today)}` },
              { label: 'Milestones', value: counts(view.counts) },
              { label: 'Actions updated', value: `${view.entries.length} of ${view.actions.length}` },
            ],
          },
          {
            kind: 'paragraph',
            text: 'A milestone is red when it is past its due date and not complete; amber when it is due within 30 days and has not been updated for 60 days; green otherwise. An action takes the rating of its worst milestone.',
          },
        ],
      },
      ...view.themes.map((theme): PaperSection => ({
        id: `theme-${theme.id}`,
        bookmark: `${theme.number}. ${theme.title}`,
        newPage: true,
        blocks: [
          { kind: 'heading', level: 2, text: `${theme.number}. ${theme.title}` },
          { kind: 'paragraph', text: `Milestones: ${counts(theme.counts)}.` },
          ...theme.actions.flatMap((action) => actionBlocks(action, byAction.get(action.id) ?? [], from)),
        ],
      })),
    ]
    return { title: `${plan.title}: progress since ${longDate(from)}`, landscape: true, sections }
  }
}

export type ProgressPaper = ReturnType<typeof createProgressPaper>

/**
 * A plan's progress as an appendix a report author generates (Appendix 8(a)): the plan is the subject, as it
 * stood on the appendix's date, with the updates since the last meeting before then that considered it.
 */
export function progressAppendix(service: ImprovementService): GeneratedAppendixKind {
  const progressPaper = createProgressPaper(service)
  return {
    key: 'improvement-progress',
    label: 'Improvement plan: progress since the last meeting',
    hint: 'Theme by theme, each action with its milestones’ ratings and the updates since the committee last considered the plan',
    subject: {
      label: 'Which improvement plan?',
      error: 'Select which improvement plan',
      choices: async (ctx) => (await service.listPlans(ctx)).map((plan) => ({ value: plan.slug, text: plan.title })),
    },
    build: (ctx, request) => progressPaper(ctx, request.subject ?? '', { on: request.on }),
  }
}
