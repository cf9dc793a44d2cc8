import type { Trx } from '#src/database.ts'
import { slugify } from '#src/modules/bodies/index.ts'
import { decisionSlug } from '#src/modules/decisions/index.ts'
import type { WorkProgrammeKind, WorkProgrammeOrigin, WorkProgrammeStatus } from '#src/modules/workprogramme/tables.ts'
import { BODY } from './bodies-and-people.ts'

/**
 * Executive and Cabinet Member decisions (Appendix 4(a)), the Forward Plan January to April 2024
 * (Appendix 5(a)) and the committee's work plan for 2023/24 (Appendix 10(a)) of the 25 January 2024
 * agenda pack. Numbers, dates, names and titles are the papers'; descriptions are our own words.
 */

const COMMITTEE_MEETING = (date: string) => `${date}-${BODY.childrensScrutiny}`
const JAN = COMMITTEE_MEETING('2024-01-25')
const MAR = COMMITTEE_MEETING('2024-03-27')
const AGENDA_PACK_DECISIONS = `/meetings/${JAN}/items/4/report`

interface DemoDecision {
  number: string
  title: string
  decidedOn: string
  taker: { person: string } | { body: string }
  parts: string[]
  description: string
  reasons: string
  keyDecision: boolean
  publishedOn: string
  documents: {
    label: string
    title: string
    body?: string
    url?: string
    exempt?: { paragraph: number; reason: string; reviewOn: string }
  }[]
}

/**
 * Appendix 4(a) gives neither the publication dates nor whether each was a key decision. We take
 * publication as the day of the decision, and mark EX48 (£1.99 million of spending) as a key decision.
 */
export const DEMO_DECISIONS: DemoDecision[] = [
  {
    number: 'EX47/2023',
    title: 'Blackpool Youth Justice Service Annual Plan 2023/24',
    decidedOn: '2023-12-11',
    taker: { person: 'kath-benson' },
    parts: [
      'To recommend to Council to approve the Youth Justice Annual Plan 2023/24 on behalf of Blackpool Council with effect until 31 December 2024.',
    ],
    description:
      'The annual plan of the Youth Justice Partnership. Approving it lets the council oversee the partnership, ' +
      'challenge and support it, and check that children get good outcomes.',
    reasons: 'Every local authority must submit a youth justice plan each year and deliver the priorities in it.',
    keyDecision: false,
    publishedOn: '2023-12-11',
    documents: [
      {
        label: 'Appendix 4(a)',
        title: 'Summary of Executive and Cabinet Member decisions taken',
        url: AGENDA_PACK_DECISIONS,
      },
    ],
  },
  {
    number: 'EX48/2023',
    title: 'Expansion of Highfurlong Special School phase two',
    decidedOn: '2023-12-11',
    taker: { person: 'kath-benson' },
    parts: [
      'To agree that Appendix 5a to the Executive report, the Financial Considerations, is not for publication by virtue of Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.',
      'To approve the development, using the currently appointed phase 1 contractor (Conlon Construction), appointed after a procurement through the Procure NW Framework.',
      'To approve the budget of £1.99 million for phase two of this scheme.',
    ],
    description:
      'Phase two adds a hydrotherapy centre to the two-storey extension planned at The Meadow, Garstang Road ' +
      'West. Highfurlong has more than tripled its roll in five years, to over 110 pupils, and a March 2022 ' +
      'capacity report found it four classrooms short.',
    reasons:
      'The council must make sure there are enough suitable school places, including for children with ' +
      'complex physical and medical needs.',
    keyDecision: true,
    publishedOn: '2023-12-11',
    documents: [
      {
        label: 'Appendix 4(a)',
        title: 'Summary of Executive and Cabinet Member decisions taken',
        url: AGENDA_PACK_DECISIONS,
      },
      {
        label: 'Appendix 5a',
        title: 'Financial considerations',
        // Placeholder, not from the papers: tests check it never reaches the public.
        body: 'Phase two costings: build cost plan, contractor rates and contingency (confidential demo placeholder).',
        exempt: {
          paragraph: 3,
          reason:
            'Detailed costings that make the scheme viable; publishing them could prejudice continuing and future negotiations.',
          reviewOn: '2025-01-25',
        },
      },
    ],
  },
]

interface DemoPlanItem {
  reference: string
  matter: string
  cabinetMember: string
  anticipatedMonth: string
  consultation: string
  representations: string
  documents: string
  responsibleOfficer: string
}

/**
 * The summary table of Appendix 5(a) prints the first reference as 12/2002; the detail page beneath it
 * says 12/2022, which we take as right. Neither item is marked as new.
 */
export const DEMO_FORWARD_PLAN = {
  slug: '2024-01',
  title: 'Forward Plan January 2024 to April 2024',
  periodFrom: '2024-01-01',
  periodTo: '2024-04-30',
  items: [
    {
      reference: '12/2022',
      matter: "Update of the Children's Services Medium Term Financial Strategy",
      cabinetMember: 'jim-hobson',
      anticipatedMonth: '2024-01',
      consultation: 'Subject to consultation with a range of stakeholders.',
      representations: 'Not applicable.',
      documents: 'Report; updated strategy.',
      responsibleOfficer:
        'Steve Thompson, Director of Resources, Resources Directorate, Blackpool Council, Number 1 Bickerstaffe ' +
        'Square, Talbot Road, Blackpool, FY1 3AH. Email steve.thompson@blackpool.gov.uk, telephone (01253) 478505.',
    },
    {
      reference: '16/2023',
      matter: 'The Blackpool Children, Young People and Families Strategic Partnership Plan',
      cabinetMember: 'jim-hobson',
      anticipatedMonth: '2024-01',
      consultation:
        'Partner agencies, frontline practitioners, schools (through their designated safeguarding leads) and ' +
        'elected members are co-producing the plan. Children entered a pictures competition for it, and the ' +
        'partnership board is building a shared outcomes framework to measure its impact.',
      representations:
        'Through an online co-production survey shared across the partnership, which closed on Friday 28 July 2023.',
      documents: "A report from the Director of Children's Services, with the plan itself.",
      responsibleOfficer: "Vicky Gent, Director of Children's Services. Email victoria.gent@blackpool.gov.uk.",
    },
  ] satisfies DemoPlanItem[],
}

interface DemoWorkItem {
  title: string
  description?: string
  /** A demo meeting's slug, or a month with an optional day. */
  when: { meeting: string; agendaItem?: number } | { month: string; on?: string } | 'tbc'
  timingNote?: string
  kind: WorkProgrammeKind
  origin?: WorkProgrammeOrigin
  originNote?: string
  status: WorkProgrammeStatus
  leadOfficer?: string
}

const item = (title: string, fields: Omit<DemoWorkItem, 'title'>): DemoWorkItem => ({ title, ...fields })
const committee = (title: string, fields: Omit<DemoWorkItem, 'title' | 'kind'>) =>
  item(title, { kind: 'committee item', ...fields })
const tbc = (month: string) => ({ when: { month }, timingNote: 'To be confirmed', status: 'planned' as const })

/**
 * Appendix 10(a) in full. The four January items are on that meeting's agenda, led by the officers whose
 * reports they are. Topics chosen at the workplanning workshop of 18 July 2023 count as member requests.
 * The two reviews marked "Completed" are done; so are the two briefings whose dates had passed by
 * 22 January 2024 (the paper does not say so in words).
 */
export const DEMO_WORK_PROGRAMME: DemoWorkItem[] = [
  committee("Children's Social Care update focussing on improvement plan progress", {
    when: { meeting: JAN, agendaItem: 8 },
    status: 'scheduled',
    origin: 'recommendation',
    originNote: 'Recommendation of 21 September 2023: consider improvement plan progress in early 2024',
    leadOfficer: 'Vicky Gent',
  }),
  committee('Education, Health and Care Plans', {
    description: 'A presentation by the health provider on waiting times and access to services.',
    when: { meeting: JAN, agendaItem: 6 },
    status: 'scheduled',
    origin: 'recommendation',
    originNote: 'Raised at the July 2023 Committee meeting',
    leadOfficer: 'Mike Chew',
  }),
  committee('SEND progress', {
    description:
      'How the SEND strategy is being put into practice, and the response to what the 2022 inspection asked of the Council and the NHS.',
    when: { meeting: JAN, agendaItem: 7 },
    status: 'scheduled',
    origin: 'inspection finding',
    originNote: 'Ofsted and CQC SEND inspection, 2022',
    leadOfficer: 'Paul Turner',
  }),
  committee('Update on Safeguarding Governance Arrangements', {
    when: { meeting: JAN, agendaItem: 9 },
    status: 'scheduled',
    leadOfficer: 'Vicky Gent',
  }),
  committee("Children's Social Care update", {
    description:
      'Improvement and transformation, and neglect, permanency of placement, family hubs and spending against the Medium Term Financial Strategy.',
    when: { meeting: MAR },
    status: 'scheduled',
  }),
  committee('Young Inspectors Team update', {
    description: 'Including the resources given to the team.',
    when: { meeting: MAR },
    status: 'scheduled',
    origin: 'recommendation',
    originNote: 'Recommendation of 8 December 2022',
  }),
  committee('Blackpool Families Rock', {
    description: 'How the money has been spent, what it has achieved, and how to keep it going.',
    when: { meeting: MAR },
    status: 'scheduled',
  }),
  committee('Placement stability for foster carers', {
    description: 'How placement stability affects children, families and foster carers.',
    when: { meeting: MAR },
    status: 'scheduled',
  }),
  committee("Children's Services performance data", {
    description: 'Performance against the Council Plan key performance indicators.',
    ...tbc('2024-06'),
    timingNote: 'June or July 2024, to be confirmed',
  }),
  committee('CSAP annual report', { ...tbc('2024-06'), timingNote: 'June or July 2024, to be confirmed' }),
  committee('Family Safeguarding Model', {
    description: 'How the model has been implemented, and its first impact.',
    ...tbc('2024-09'),
    origin: 'recommendation',
    originNote: 'Recommendation of 21 September 2023',
    leadOfficer: 'Vicky Gent',
  }),
  committee("Annual Children's Services complaints report", tbc('2024-09')),
  committee('Corporate Parent Panel annual report', tbc('2024-09')),
  committee('Better Start', {
    description: 'Annual update: two more years of funding, links with the family hubs, and sustainability.',
    ...tbc('2024-11'),
  }),
  committee('Educational attainment', { description: 'An overview of attainment in 2023/24.', ...tbc('2024-11') }),
  committee("Children's Services performance data", {
    description: 'Performance against the Council Plan key performance indicators.',
    ...tbc('2024-11'),
  }),
  item('Children, Young People and Families Plan', {
    description: 'To contribute to the development of the plan.',
    kind: 'informal meeting',
    when: { month: '2023-10', on: '2023-10-02' },
    status: 'done',
  }),
  item('Place Based Safeguarding Approach', {
    description:
      "The new approach to the Children's Safeguarding Assurance Partnership, to be reviewed again in 12 months.",
    kind: 'informal meeting',
    when: { month: '2023-11', on: '2023-11-21' },
    status: 'done',
  }),
  item('Sufficiency Strategy', {
    description: 'To help shape the new strategy, possibly including whether council-run children’s homes are viable.',
    kind: 'informal meeting',
    when: { month: '2024-02', on: '2024-02-28' },
    status: 'scheduled',
  }),
  item('Effectiveness of partnership working across services', {
    description:
      'A general meeting with all partners, alongside partnership issues raised at committee such as Early Help and Youth Justice.',
    kind: 'scrutiny review',
    when: 'tbc',
    status: 'planned',
  }),
  item("Looked After Children in Blackpool – Children's Homes", {
    description: 'Whether council-run children’s homes are viable; may be taken with the Sufficiency Strategy meeting.',
    kind: 'scrutiny review',
    when: 'tbc',
    status: 'planned',
  }),
  item('Young people classed as not in education, employment or training (NEET)', {
    description:
      'Progress since the NEET Review Panel of 26 September 2022, and support for 16 to 18 year olds who are NEET.',
    kind: 'scrutiny review',
    when: 'tbc',
    status: 'planned',
    originNote: 'Includes a referral from the Scrutiny Leadership Board',
  }),
  item('Mental health and wellbeing in schools', {
    description: 'What schools provide to support pupils’ mental health and wellbeing; may link to the SEND strategy.',
    kind: 'scrutiny review',
    when: 'tbc',
    status: 'planned',
  }),
  item('Community engagement in schools', {
    description: 'How schools engage with their local communities.',
    kind: 'scrutiny review',
    when: 'tbc',
    status: 'planned',
    originNote: 'Referred by the Audit Committee, 15 September 2022',
  }),
  item('Early Help Strategy development', {
    kind: 'scrutiny review',
    when: 'tbc',
    status: 'planned',
    origin: 'recommendation',
    originNote: 'Recommendation of 21 September 2023',
    leadOfficer: 'Joanne Stewart',
  }),
  item('Journey of the Child', {
    kind: 'briefing or training',
    when: { month: '2023-09' },
    timingNote: 'September 2023, to be confirmed',
    status: 'planned',
  }),
  item('Legislation in Education', {
    description: 'A 15 minute briefing.',
    kind: 'briefing or training',
    when: { month: '2023-09', on: '2023-09-18' },
    timingNote: 'At the start of the pre-Committee briefing',
    status: 'done',
  }),
  item('The role of the LADO', {
    description: 'A 15 minute briefing.',
    kind: 'briefing or training',
    when: { month: '2023-11', on: '2023-11-06' },
    timingNote: 'At the start of the pre-Committee briefing',
    status: 'done',
  }),
  item('Special Guardianship Orders', {
    description: 'A 15 minute briefing.',
    kind: 'briefing or training',
    when: { month: '2024-01', on: '2024-01-23' },
    timingNote: 'At the start of the pre-Committee briefing',
    status: 'scheduled',
    origin: 'recommendation',
    originNote: 'Recommendation of 9 November 2023',
  }),
  item('Interpreting high school attainment data', {
    description: 'A 15 minute briefing.',
    kind: 'briefing or training',
    when: { month: '2024-03', on: '2024-03-12' },
    timingNote: 'At the start of the pre-Committee briefing',
    status: 'scheduled',
  }),
]

async function idsBySlug(trx: Trx, table: 'bodies' | 'people' | 'meetings', slugs: string[]) {
  const rows = await trx.selectFrom(table).select(['id', 'slug']).where('slug', 'in', slugs).execute()
  return (slug: string) => {
    const row = rows.find((r) => r.slug === slug)
    if (!row) throw new Error(`Demo data refers to "${slug}" in ${table}, which is not in the dataset`)
    return row.id
  }
}

/** Inserts the decisions, the forward plan and the work programme, after insertDemoRecord, in its transaction. */
export async function insertDemoDecisionsAndWorkProgramme(trx: Trx): Promise<void> {
  const person = await idsBySlug(trx, 'people', ['kath-benson', 'jim-hobson'])
  const body = await idsBySlug(trx, 'bodies', [BODY.executive, BODY.childrensScrutiny])
  const meeting = await idsBySlug(trx, 'meetings', [JAN, MAR])

  for (const { documents, taker, number, ...decision } of DEMO_DECISIONS) {
    const { id } = await trx
      .insertInto('decisions')
      .values({
        ...decision,
        number,
        slug: decisionSlug(number),
        parts: JSON.stringify(decision.parts),
        takerBodyId: 'body' in taker ? body(taker.body) : null,
        takerPersonId: 'person' in taker ? person(taker.person) : null,
        callInStatus: 'none',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('decisionDocuments')
      .values(
        documents.map((doc, index) => ({
          decisionId: id,
          number: index + 1,
          label: doc.label,
          title: doc.title,
          body: doc.body ?? '',
          url: doc.url ?? null,
          exemptParagraph: doc.exempt?.paragraph ?? null,
          exemptReason: doc.exempt?.reason ?? null,
          exemptReviewOn: doc.exempt?.reviewOn ?? null,
        })),
      )
      .execute()
  }

  const { items: planItems, ...plan } = DEMO_FORWARD_PLAN
  const { id: planId } = await trx
    .insertInto('forwardPlans')
    .values({ ...plan, publishedOn: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('forwardPlanItems')
    .values(
      planItems.map(({ cabinetMember, ...planItem }) => ({
        ...planItem,
        planId,
        slug: slugify(planItem.reference),
        decisionTaker: 'Executive',
        cabinetMemberId: person(cabinetMember),
        anticipatedOn: null,
        isNew: false,
      })),
    )
    .execute()

  const agendaItems = await trx
    .selectFrom('agendaItems')
    .select(['id', 'number'])
    .where('meetingId', '=', meeting(JAN))
    .execute()
  await trx
    .insertInto('workProgrammeItems')
    .values(
      DEMO_WORK_PROGRAMME.map((work, position) => {
        const when = work.when
        const onMeeting = when !== 'tbc' && 'meeting' in when ? when : null
        const onMonth = when !== 'tbc' && 'month' in when ? when : null
        return {
          bodyId: body(BODY.childrensScrutiny),
          title: work.title,
          description: work.description ?? '',
          meetingId: onMeeting ? meeting(onMeeting.meeting) : null,
          scheduledMonth: onMonth?.month ?? null,
          scheduledOn: onMonth?.on ?? null,
          timingNote: work.timingNote ?? '',
          kind: work.kind,
          origin: work.origin ?? 'member request',
          originNote: work.originNote ?? '',
          status: work.status,
          leadOfficer: work.leadOfficer ?? '',
          agendaItemId: onMeeting?.agendaItem ? agendaItems.find((a) => a.number === onMeeting.agendaItem)!.id : null,
          position: position + 1,
        }
      }),
    )
    .execute()
}
