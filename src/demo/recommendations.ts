import type { Trx } from '#src/database.ts'
import { BODY } from './bodies-and-people.ts'
import { meetingSlug } from './record-shapes.ts'

/**
 * The committee's recommendations tracker as Appendix 10(b) of the 25 January 2024 agenda pack
 * prints it: numbers, dates made, target dates, responsible officers and statuses are the paper's.
 * Wording follows the paper; updates are short and in our own words.
 *
 * Target dates the paper gives as a month ("January 2024") are the month's last day: "by then".
 * The paper prints updates without dates. Those new in this pack are dated 16 January 2024, the
 * date of the pack; the two that were already there when the 2023/24 workplan was drawn up
 * (18 July 2023) carry that date. So, on the demo's 22 January 2024, the two December 2023
 * targets with no update are red, the presentation due this month with no recent update is amber,
 * the ones "not yet due" are green, those with target "TBC" need a target date, and the
 * Better Start case studies are complete.
 */

const PACK = '2024-01-16'
const WORKPLAN_WORKSHOP = '2023-07-18'

export interface DemoRecommendation {
  number: string
  madeOn: string
  text: string
  /** null: "TBC". */
  targetDate: string | null
  /** Slug of the responsible officer; null: "TBC" or none named. */
  officer: string | null
  status: 'open' | 'complete'
  completedOn?: string
  /** The resolution in the demo minutes it comes from: meeting date, agenda item and resolution number. */
  source?: { meeting: string; item: number; resolution: number }
  updates: { on: string; text: string }[]
}

export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    number: '1',
    madeOn: '2021-12-09',
    text: "That further consideration be given by the Committee to the findings of the 'Child of the North' report and the potential impact on Blackpool.",
    targetDate: null,
    officer: 'victoria-gent',
    status: 'open',
    updates: [
      {
        on: PACK,
        text: 'The report ranges widely, so Members are asked to look at this action again at the next meeting.',
      },
    ],
  },
  {
    number: '2',
    madeOn: '2022-12-08',
    text: 'To include an item on the work programme to look at the resource capacity of the Young Inspectors Team.',
    targetDate: '2024-04-30',
    officer: null,
    status: 'open',
    updates: [{ on: WORKPLAN_WORKSHOP, text: 'To go on the workplan when the 2023/24 programme is drawn up.' }],
  },
  {
    number: '3',
    madeOn: '2023-06-22',
    text: 'The Committee agreed to request a presentation from the health provider on the issues regarding waiting times and access to services in relation to EHCPs, speech and language therapy and any other service for special educational needs.',
    targetDate: '2024-01-31',
    officer: null,
    status: 'open',
    updates: [{ on: WORKPLAN_WORKSHOP, text: 'On the workplan for 2024.' }],
  },
  {
    number: '4',
    madeOn: '2023-09-21',
    text: 'To receive the domestic abuse review report when available. To consider the improvement plan progress in early 2024. To receive an updated copy of the improvement plan following the meeting once it had been updated to include the missing detail.',
    targetDate: '2024-03-31',
    officer: 'chris-coyle',
    status: 'open',
    source: { meeting: '2023-09-21', item: 6, resolution: 1 },
    updates: [{ on: PACK, text: 'Members may want to ask when the updated improvement plan will be sent round.' }],
  },
  {
    number: '5',
    madeOn: '2023-09-21',
    text: 'To contribute to the development of the new early help strategy in due course.',
    targetDate: null,
    officer: 'joanne-stewart',
    status: 'open',
    source: { meeting: '2023-09-21', item: 7, resolution: 1 },
    updates: [{ on: PACK, text: 'A timescale still needs to be set.' }],
  },
  {
    number: '6',
    madeOn: '2023-09-21',
    text: 'That a report on the implementation and initial impact of Family Safeguarding model be received in approximately 12 months with further reporting following in order to measure success.',
    targetDate: '2024-09-30',
    officer: 'victoria-gent',
    status: 'open',
    source: { meeting: '2023-09-21', item: 8, resolution: 1 },
    updates: [{ on: PACK, text: 'To be added to the workplan.' }],
  },
  {
    number: '7',
    madeOn: '2023-11-09',
    text: 'That Ms Algie provide case studies demonstrating the work of Better Start following the meeting.',
    // As printed; the case studies went out long before.
    targetDate: '2024-11-30',
    officer: 'annette-algie',
    status: 'complete',
    completedOn: PACK,
    source: { meeting: '2023-11-09', item: 7, resolution: 1 },
    updates: [{ on: PACK, text: 'Case studies sent to Members by email, as asked.' }],
  },
  {
    number: '8',
    madeOn: '2023-11-09',
    text: 'To receive a short training session on Special Guardianship Orders within the next pre-Committee briefing session.',
    targetDate: '2024-01-31',
    officer: null,
    status: 'open',
    source: { meeting: '2023-11-09', item: 10, resolution: 1 },
    updates: [{ on: PACK, text: 'Planned for the pre-Committee briefing in January 2024.' }],
  },
  {
    number: '9',
    madeOn: '2023-11-09',
    text: 'To receive an update from Ms Gent on whether previous foster carers had been contacted since the pandemic to determine if they wished to take up the role again.',
    targetDate: '2023-12-31',
    officer: 'victoria-gent',
    status: 'open',
    source: { meeting: '2023-11-09', item: 10, resolution: 2 },
    updates: [],
  },
  {
    number: '10',
    madeOn: '2023-11-09',
    text: "That Ms Gent consider the 'target' field within the Council Plan Key Performance Indicator data to determine whether an aspiration, a view of the direction of travel or a sense check could be included in place of a target in the next report to Committee.",
    targetDate: '2024-07-31',
    officer: 'victoria-gent',
    status: 'open',
    source: { meeting: '2023-11-09', item: 10, resolution: 3 },
    updates: [],
  },
  {
    number: '11',
    madeOn: '2023-11-09',
    text: 'The Committee agreed to receive a written response on the child death data for Blackpool.',
    targetDate: '2023-12-31',
    officer: 'victoria-gent',
    status: 'open',
    source: { meeting: '2023-11-09', item: 11, resolution: 1 },
    updates: [],
  },
]

/** The scrutiny team keeps the tracker, so its updates are in the Scrutiny Manager's name. */
const TRACKER_AUTHOR = 'Sharon Davis'

async function sourceIds(trx: Trx, source: DemoRecommendation['source']) {
  if (!source) return { meetingId: null, agendaItemId: null, resolutionId: null }
  const row = await trx
    .selectFrom('resolutions')
    .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
    .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
    .select(['meetings.id as meetingId', 'agendaItems.id as agendaItemId', 'resolutions.id as resolutionId'])
    .where('meetings.slug', '=', meetingSlug({ date: source.meeting, body: BODY.childrensScrutiny }))
    .where('agendaItems.number', '=', source.item)
    .where('resolutions.number', '=', source.resolution)
    .executeTakeFirst()
  if (!row) throw new Error(`Demo recommendation refers to a resolution not in the demo: ${JSON.stringify(source)}`)
  return row
}

/** Inserts the tracker after the democratic record (insertDemoRecord), in the same transaction. */
export async function insertDemoRecommendations(trx: Trx): Promise<void> {
  const body = await trx
    .selectFrom('bodies')
    .select('id')
    .where('slug', '=', BODY.childrensScrutiny)
    .executeTakeFirstOrThrow()
  const people = new Map((await trx.selectFrom('people').select(['id', 'slug']).execute()).map((p) => [p.slug, p.id]))
  for (const demo of DEMO_RECOMMENDATIONS) {
    const personId = demo.officer ? people.get(demo.officer) : null
    if (personId === undefined)
      throw new Error(`Demo recommendation ${demo.number} names ${demo.officer}, not in the demo`)
    const { id } = await trx
      .insertInto('recommendations')
      .values({
        bodyId: body.id,
        number: demo.number,
        madeOn: demo.madeOn,
        text: demo.text,
        targetDate: demo.targetDate,
        responsiblePersonId: personId,
        status: demo.status,
        completedOn: demo.completedOn ?? null,
        ...(await sourceIds(trx, demo.source)),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (demo.updates.length) {
      await trx
        .insertInto('recommendationUpdates')
        .values(
          demo.updates.map((u) => ({ recommendationId: id, onDate: u.on, authorName: TRACKER_AUTHOR, text: u.text })),
        )
        .execute()
    }
  }
}
