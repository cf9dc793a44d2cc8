import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { GeneratedPaper, PaperBlock, PaperColumn, PaperSection } from '#src/platform/papers/paper.ts'
import { asAtText } from '#src/platform/papers/query.ts'
import { itemReference } from '#src/platform/views/filters.ts'
import { KIND_LABELS, ORIGIN_LABELS, STATUS_TAGS } from './schema.ts'
import type { WorkProgrammeService } from './service.ts'

type Programme = Awaited<ReturnType<WorkProgrammeService['programme']>>
type Item = Programme['items'][number]

/** The item's cell as the page's: its title, then what it covers, its timing and the agenda item it became. */
function itemCell(item: Item): string {
  return [
    item.title,
    item.description,
    item.timingNote && `Timing: ${item.timingNote}`,
    item.agendaItem && `On the agenda as ${itemReference(item.agendaItem)}`,
  ]
    .filter(Boolean)
    .join('\n')
}

const originCell = (item: Item) => [ORIGIN_LABELS[item.origin], item.originNote].filter(Boolean).join('\n')

/**
 * The work programme as Appendix 10(a): the page's sections (committee meetings, review work, briefings),
 * each with a table for each meeting or month, in the page's order and with the page's columns.
 */
export function programmePaperOf(programme: Programme, today: string): GeneratedPaper {
  const title = `Work programme: ${programme.body.name}`
  const intro: PaperBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: asAtText(today), style: 'strong' },
    {
      kind: 'paragraph',
      text: 'What the committee plans to look at, meeting by meeting, and the scrutiny reviews, informal meetings, briefings and training around them.',
    },
  ]
  if (programme.items.length === 0) intro.push({ kind: 'paragraph', text: 'Nothing is on the work programme yet.' })
  const sections: PaperSection[] = programme.sections
    .filter((section) => section.count)
    .map((section) => {
      const withKind = section.kinds.length > 1
      const columns: PaperColumn[] = [
        { heading: 'Item', width: 4 },
        ...(withKind ? [{ heading: 'Kind', width: 1.2 }] : []),
        { heading: 'Origin', width: 1.5 },
        { heading: 'Status', width: 1 },
        { heading: 'Lead officer', width: 1.5 },
      ]
      return {
        bookmark: section.heading,
        blocks: [
          { kind: 'heading', level: 2, text: section.heading },
          ...section.groups.map((group): PaperBlock => ({
            kind: 'table',
            caption: group.schedule.label,
            columns,
            rows: group.items.map((item) => [
              itemCell(item),
              ...(withKind ? [KIND_LABELS[item.kind]] : []),
              originCell(item),
              STATUS_TAGS[item.status].text,
              item.leadOfficer,
            ]),
          })),
        ],
      }
    })
  return { title, landscape: true, sections: [{ bookmark: title, blocks: intro, sections }] }
}

/** The builder a report's generated appendix calls: the body's work programme as it stands today. */
export function workProgrammePaper(deps: { service: Pick<WorkProgrammeService, 'programme'>; clock: Clock }) {
  return async (ctx: Context, options: { body: string }): Promise<GeneratedPaper> =>
    programmePaperOf(await deps.service.programme(ctx, options.body), deps.clock.today())
}
