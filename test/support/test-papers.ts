import type { Db } from '#src/database.ts'

/**
 * A committee's papers for the publishing tests, recorded straight into the tables. Made-up words
 * ("wombatfostering") make each text findable by exactly one search, and the secret ones must never
 * be found: exempt items, reports and appendices, and draft minutes. It adds to whatever is in the
 * database, so the tests pass with or without the demo data.
 */
export const COMMITTEE = { slug: 'publishing-test-scrutiny-committee', name: 'Publishing test scrutiny committee' }
export const PANEL = { slug: 'publishing-test-panel', name: 'Publishing test panel' }

export interface TestPapers {
  committeeId: string
  panelId: string
  heldSlug: string
  draftSlug: string
}

async function insertMeeting(
  db: Db,
  values: {
    bodyId: string
    slug: string
    date: string
    startTime: string | null
    status?: 'scheduled' | 'held' | 'cancelled'
    venue?: string
  },
) {
  const row = await db
    .insertInto('meetings')
    .values({ venue: '', status: 'scheduled', notes: '', ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

async function insertItem(
  db: Db,
  meetingId: string,
  number: number,
  title: string,
  more: { purpose?: string; minute?: string; exemptParagraph?: number } = {},
) {
  const row = await db
    .insertInto('agendaItems')
    .values({
      meetingId,
      number,
      title,
      purpose: more.purpose ?? '',
      minute: more.minute ?? '',
      exemptParagraph: more.exemptParagraph ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const BLANK_REPORT = {
  reportTo: '',
  relevantOfficer: '',
  meetingDate: null,
  recommendations: [],
  reasons: '',
  contraryToPlan: null,
  withinBudget: null,
  alternativeOptions: '',
  councilPriorities: '',
  financial: '',
  legal: '',
  humanResources: '',
  risk: '',
  equalities: '',
  sustainability: '',
  consultation: '',
  backgroundPapers: '',
  exemptReason: null,
  exemptReviewOn: null,
}

const minutesRow = (meetingId: string, status: 'draft' | 'published') => ({
  meetingId,
  status,
  noDeclarations: true,
  approvalAmendment: '',
  publishedAt: status === 'published' ? new Date() : null,
})

async function insertReport(
  db: Db,
  agendaItemId: string,
  title: string,
  background: string,
  exemptParagraph: number | null = null,
) {
  const row = await db
    .insertInto('reports')
    .values({ ...BLANK_REPORT, agendaItemId, title, background, purpose: 'To update the committee.', exemptParagraph })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function recordTestPapers(db: Db): Promise<TestPapers> {
  const [committee, panel] = await db
    .insertInto('bodies')
    .values([
      { ...COMMITTEE, kind: 'committee', remit: 'Scrutinises children’s services.' },
      { ...PANEL, kind: 'panel', remit: '' },
    ])
    .returning('id')
    .execute()

  // Held, minutes published: everything not exempt is searchable.
  const held = await insertMeeting(db, {
    bodyId: committee.id,
    slug: 'publishing-test-2023-11-09',
    date: '2023-11-09',
    startTime: '18:00',
    status: 'held',
  })
  await db.insertInto('minutes').values(minutesRow(held, 'published')).execute()
  const fostering = await insertItem(db, held, 3, 'Fostering recruitment', {
    purpose: 'An update on recruiting foster carers.',
    minute: 'Members asked about kinshipquokka arrangements for brothers and sisters.',
  })
  const fosteringReport = await insertReport(
    db,
    fostering,
    'Fostering recruitment and retention',
    'The wombatfostering scheme has recruited 12 households <b>this</b> year.',
  )
  await db
    .insertInto('appendices')
    .values([
      {
        reportId: fosteringReport,
        position: 1,
        label: 'Appendix 3(a)',
        title: 'Recruitment figures',
        body: 'Enquiries rose after the numbatappendix campaign.',
      },
      {
        reportId: fosteringReport,
        position: 2,
        label: 'Appendix 3(b)',
        title: 'Named carers',
        body: 'Carer secretappendixword lives at …',
        exemptParagraph: 1,
      },
    ])
    .execute()
  await db
    .insertInto('resolutions')
    .values({ agendaItemId: fostering, number: 1, text: 'To receive a platypusresolution update in March.' })
    .execute()

  const exemptItem = await insertItem(db, held, 4, 'Placement review quollexempttitle', {
    purpose: 'About one child: secretpurposeword.',
    minute: 'The committee discussed secretminuteword.',
    exemptParagraph: 1,
  })
  await insertReport(db, exemptItem, 'Placement review', 'The secretitemreportword placement.')
  await db
    .insertInto('resolutions')
    .values({ agendaItemId: exemptItem, number: 1, text: 'To note secretresolutionexempt.' })
    .execute()

  const commissioning = await insertItem(db, held, 5, 'Commissioning ferretcommission update', {
    purpose: 'Contracts for residential care.',
  })
  await insertReport(db, commissioning, 'Residential care contracts', 'Prices quoted by secretreportword Ltd.', 3)

  for (let n = 0; n < 25; n++) await insertItem(db, held, 10 + n, `Otterpage topic ${n + 1}`)

  // Held, minutes still a draft: only the agenda is public.
  const drafted = await insertMeeting(db, {
    bodyId: committee.id,
    slug: 'publishing-test-2023-09-21',
    date: '2023-09-21',
    startTime: '18:00',
    status: 'held',
  })
  await db.insertInto('minutes').values(minutesRow(drafted, 'draft')).execute()
  const draftItem = await insertItem(db, drafted, 1, 'Lemurdraftitem annual report', {
    minute: 'Members welcomed the draftminuteword.',
  })
  await db
    .insertInto('resolutions')
    .values({ agendaItemId: draftItem, number: 1, text: 'To agree the draftresolutionword.' })
    .execute()

  await insertMeeting(db, {
    bodyId: committee.id,
    slug: 'publishing-test-2024-01-25',
    date: '2024-01-25',
    startTime: '18:00',
    venue: 'Committee Room A, Town Hall',
  })
  await insertMeeting(db, {
    bodyId: committee.id,
    slug: 'publishing-test-2024-03-27',
    date: '2024-03-27',
    startTime: null,
    status: 'cancelled',
  })
  await insertMeeting(db, {
    bodyId: panel.id,
    slug: 'publishing-test-panel-2024-02-01',
    date: '2024-02-01',
    startTime: '10:00',
  })

  return {
    committeeId: committee.id,
    panelId: panel.id,
    heldSlug: 'publishing-test-2023-11-09',
    draftSlug: 'publishing-test-2023-09-21',
  }
}
