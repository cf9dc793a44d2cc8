import { builders } from './builders/index.ts'
import type { TestApp } from './harness.ts'

/**
 * A committee's papers for the publishing tests, made through the app's forms. Made-up words
 * ("wombatfostering") make each text findable by exactly one search, and the secret ones must never
 * be found: exempt items, reports and appendices, and draft minutes. It adds to whatever is in the
 * database, so the tests pass with or without the demo data.
 */
export const COMMITTEE = { slug: 'publishing-test-scrutiny-committee', name: 'Publishing test scrutiny committee' }
export const PANEL = { slug: 'publishing-test-panel', name: 'Publishing test panel' }

export interface TestPapers {
  committeeId: string
  panelId: string
  /** Held, its minutes published. */
  heldSlug: string
  /** Held, its minutes still a draft. */
  draftSlug: string
  /** Scheduled, at 6pm in Committee Room A. */
  januarySlug: string
  /** Cancelled, with no start time. */
  marchSlug: string
}

export async function recordTestPapers(t: TestApp): Promise<TestPapers> {
  const build = builders(t)
  const committee = await build.aBody({ name: COMMITTEE.name, remit: 'Scrutinises children’s services.' })
  const panel = await build.aBody({ name: PANEL.name, kind: 'panel' })
  const chair = await build.aPerson({ name: 'Publishing Chair' })

  // Held, minutes published: everything not exempt is searchable.
  const held = await build.aMeeting(committee, { date: '2023-11-09', status: 'held' })
  const fostering = await build.anAgendaItem(held, {
    number: 3,
    title: 'Fostering recruitment',
    purpose: 'An update on recruiting foster carers.',
  })
  const fosteringReport = await build.aReport(fostering, {
    title: 'Fostering recruitment and retention',
    sections: { background: 'The wombatfostering scheme has recruited 12 households <b>this</b> year.' },
  })
  await build.anAppendix(fosteringReport, {
    label: 'Appendix 3(a)',
    title: 'Recruitment figures',
    body: 'Enquiries rose after the numbatappendix campaign.',
  })
  await build.anAppendix(fosteringReport, {
    label: 'Appendix 3(b)',
    title: 'Named carers',
    body: 'Carer secretappendixword lives at …',
    exempt: { paragraph: 1 },
  })
  const exempt = await build.anAgendaItem(held, {
    number: 4,
    title: 'Placement review quollexempttitle',
    purpose: 'About one child: secretpurposeword.',
    exempt: { paragraph: 1 },
  })
  await build.aReport(exempt, {
    title: 'Placement review',
    sections: { background: 'The secretitemreportword placement.' },
  })
  const commissioning = await build.anAgendaItem(held, {
    number: 5,
    title: 'Commissioning ferretcommission update',
    purpose: 'Contracts for residential care.',
  })
  await build.aReport(commissioning, {
    title: 'Residential care contracts',
    sections: { background: 'Prices quoted by secretreportword Ltd.' },
    exempt: { paragraph: 3 },
  })
  await build.minutesOf(held, {
    present: [chair],
    items: {
      3: {
        minute: 'Members asked about kinshipquokka arrangements for brothers and sisters.',
        resolutions: ['To receive a platypusresolution update in March.'],
      },
      4: { minute: 'The committee discussed secretminuteword.', resolutions: ['To note secretresolutionexempt.'] },
      5: { minute: 'Noted.' },
    },
  })
  // Items added after the minutes: on the agenda, with nothing minuted.
  for (let n = 0; n < 25; n++) await build.anAgendaItem(held, { number: 10 + n, title: `Otterpage topic ${n + 1}` })

  // Held, minutes still a draft: only the agenda is public.
  const drafted = await build.aMeeting(committee, { date: '2023-09-21', status: 'held' })
  await build.anAgendaItem(drafted, { number: 1, title: 'Lemurdraftitem annual report' })
  await build.minutesOf(drafted, {
    present: [chair],
    items: {
      1: { minute: 'Members welcomed the draftminuteword.', resolutions: ['To agree the draftresolutionword.'] },
    },
    publish: false,
  })

  const january = await build.aMeeting(committee, { date: '2024-01-25', venue: 'Committee Room A, Town Hall' })
  const march = await build.aMeeting(committee, { date: '2024-03-27', startTime: '', status: 'cancelled' })
  await build.aMeeting(panel, { date: '2024-02-01', startTime: '10:00' })

  return {
    committeeId: committee.id,
    panelId: panel.id,
    heldSlug: held.slug,
    draftSlug: drafted.slug,
    januarySlug: january.slug,
    marchSlug: march.slug,
  }
}
