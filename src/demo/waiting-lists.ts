import type { Trx } from '#src/database.ts'

/**
 * The health data dashboard for December 2023 (Appendix 6(a) of the 25 January 2024 pack) for all
 * eight services, and the earlier figures the health report beside it gives. The dashboard gives
 * each service's change in referrals waiting from November 2023 ("331 (↑35)"), so November's
 * referrals waiting are recorded too; its other November figures are not given, so are not known.
 */

const DASHBOARD = 'Health data dashboard, December 2023'
const REPORT = 'Health waiting times report to the committee, 25 January 2024'

interface DemoService {
  slug: string
  name: string
  waitsTo: string
  /** December 2023: average, longest, over 18, over 52, over 78, referrals waiting, and the change from November. */
  december: [number, number, number, number, number, number, number]
  earlier?: {
    month: string
    referralsWaiting: number
    over18Weeks: number
    longestWeeks: number | null
    averageWeeks: number | null
    note?: string
  }[]
}

export const DEMO_HEALTH_SERVICES: DemoService[] = [
  {
    slug: 'speech-and-language-therapy',
    name: 'Paediatric speech and language therapy',
    waitsTo: 'first contact',
    december: [26, 69, 198, 41, 0, 331, 35],
    earlier: [
      {
        month: '2022-02',
        referralsWaiting: 650,
        over18Weeks: 441,
        longestWeeks: 91,
        averageWeeks: 31,
        note: 'At the SEND area inspection.',
      },
    ],
  },
  { slug: 'physiotherapy', name: 'Physiotherapy', waitsTo: 'first contact', december: [10, 55, 2, 1, 0, 31, -2] },
  {
    slug: 'occupational-therapy',
    name: 'Occupational therapy',
    waitsTo: 'first contact',
    december: [7, 40, 3, 0, 0, 38, 5],
  },
  {
    slug: 'blenheim-child-development-centre',
    name: 'Blenheim child development centre',
    waitsTo: 'first contact',
    december: [28, 59, 137, 18, 0, 204, -2],
  },
  {
    slug: 'camhs',
    name: 'Child and adolescent mental health services (CAMHS)',
    waitsTo: 'first contact',
    december: [17, 44, 131, 0, 0, 285, -9],
    earlier: [
      { month: '2022-02', referralsWaiting: 171, over18Weeks: 15, longestWeeks: null, averageWeeks: null },
      { month: '2023-02', referralsWaiting: 263, over18Weeks: 88, longestWeeks: 47, averageWeeks: 14 },
    ],
  },
  { slug: 'continence', name: 'Continence', waitsTo: 'first contact', december: [13, 45, 16, 0, 0, 70, 3] },
  {
    slug: 'childrens-hearing-service',
    name: 'Children’s hearing service',
    waitsTo: 'first contact',
    december: [9, 39, 6, 0, 0, 73, -6],
  },
  {
    slug: 'neurodevelopmental-pathway',
    name: 'Neurodevelopmental pathway',
    waitsTo: 'first contact',
    december: [9, 23, 3, 0, 0, 49, -1],
    earlier: [
      {
        month: '2020-08',
        referralsWaiting: 13,
        over18Weeks: 8,
        longestWeeks: null,
        averageWeeks: null,
        note: 'After a waiting-list initiative; counted to first consultant appointment.',
      },
    ],
  },
]

export async function insertDemoWaitingLists(trx: Trx) {
  for (const [position, demo] of DEMO_HEALTH_SERVICES.entries()) {
    const service = await trx
      .insertInto('healthServices')
      .values({ slug: demo.slug, name: demo.name, provider: 'Blackpool CCG', waitsTo: demo.waitsTo, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    const [averageWeeks, longestWeeks, over18Weeks, over52Weeks, over78Weeks, referralsWaiting, change] = demo.december
    const blank = { over52Weeks: null, over78Weeks: null, note: '', enteredBy: 'demo data' }
    await trx
      .insertInto('waitingListFigures')
      .values([
        ...(demo.earlier ?? []).map((earlier) => ({ ...blank, ...earlier, serviceId: service.id, source: REPORT })),
        {
          ...blank,
          serviceId: service.id,
          month: '2023-11',
          referralsWaiting: referralsWaiting - change,
          over18Weeks: null,
          averageWeeks: null,
          longestWeeks: null,
          source: `${DASHBOARD} (the change in referrals waiting)`,
        },
        {
          ...blank,
          serviceId: service.id,
          month: '2023-12',
          referralsWaiting,
          over18Weeks,
          over52Weeks,
          over78Weeks,
          averageWeeks,
          longestWeeks,
          source: DASHBOARD,
        },
      ])
      .execute()
  }
}
