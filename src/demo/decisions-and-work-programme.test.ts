import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#src/database.ts'
import type { DatabaseHandle } from '#src/platform/db/database.ts'
import { callInDeadline } from '#src/modules/decisions/index.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { openDemoDatabase } from '../../test/support/demo-database.ts'

describe.each(testDatabases())('the demo decisions, forward plan and work programme on $name', (database) => {
  let handle: DatabaseHandle<Database>

  beforeAll(async () => {
    handle = await openDemoDatabase(database)
  })

  afterAll(async () => {
    await handle?.close()
  })

  it('has EX47/2023 and EX48/2023 by Councillor Kath Benson, with EX48’s financial appendix exempt under paragraph 3', async () => {
    const decisions = await handle.db
      .selectFrom('decisions')
      .innerJoin('people', 'people.id', 'decisions.takerPersonId')
      .select([
        'decisions.id',
        'decisions.number',
        'decisions.slug',
        'decisions.decidedOn',
        'decisions.parts',
        'people.slug as taker',
      ])
      .orderBy('decisions.number')
      .execute()
    expect(decisions.map((d) => [d.number, d.slug, String(d.decidedOn).slice(0, 10), d.taker])).toEqual([
      ['EX47/2023', 'ex47-2023', '2023-12-11', 'kath-benson'],
      ['EX48/2023', 'ex48-2023', '2023-12-11', 'kath-benson'],
    ])
    expect(decisions[1].parts).toHaveLength(3)
    expect(decisions[1].parts[2]).toContain('£1.99 million')
    const exempt = await handle.db
      .selectFrom('decisionDocuments')
      .selectAll()
      .where('exemptParagraph', 'is not', null)
      .execute()
    expect(exempt).toHaveLength(1)
    expect(exempt[0]).toMatchObject({ decisionId: decisions[1].id, exemptParagraph: 3, label: 'Appendix 5a' })
    expect(callInDeadline('2023-12-11')).toBe('2023-12-18')
  })

  it('has the forward plan for January to April 2024 with 12/2022 and 16/2023 for Councillor Jim Hobson', async () => {
    const items = await handle.db
      .selectFrom('forwardPlanItems')
      .innerJoin('forwardPlans', 'forwardPlans.id', 'forwardPlanItems.planId')
      .innerJoin('people', 'people.id', 'forwardPlanItems.cabinetMemberId')
      .select(['forwardPlans.slug as plan', 'reference', 'anticipatedMonth', 'decisionTaker', 'people.slug as member'])
      .orderBy('reference')
      .execute()
    expect(items).toEqual([
      {
        plan: '2024-01',
        reference: '12/2022',
        anticipatedMonth: '2024-01',
        decisionTaker: 'Executive',
        member: 'jim-hobson',
      },
      {
        plan: '2024-01',
        reference: '16/2023',
        anticipatedMonth: '2024-01',
        decisionTaker: 'Executive',
        member: 'jim-hobson',
      },
    ])
  })

  it('has the whole of Appendix 10(a), the January items on that meeting’s agenda', async () => {
    const items = await handle.db
      .selectFrom('workProgrammeItems')
      .leftJoin('meetings', 'meetings.id', 'workProgrammeItems.meetingId')
      .leftJoin('agendaItems', 'agendaItems.id', 'workProgrammeItems.agendaItemId')
      .select(['workProgrammeItems.title', 'kind', 'workProgrammeItems.status', 'meetings.date', 'agendaItems.number'])
      .execute()
    expect(items).toHaveLength(30)
    const byKind = (kind: string) => items.filter((i) => i.kind === kind).length
    expect([
      byKind('committee item'),
      byKind('informal meeting') + byKind('scrutiny review'),
      byKind('briefing or training'),
    ]).toEqual([16, 9, 5])
    const january = items.filter((i) => String(i.date).startsWith('2024-01-25'))
    expect(january.map((i) => i.number).sort()).toEqual(['6', '7', '8', '9'])
    expect(items.filter((i) => String(i.date).startsWith('2024-03-27'))).toHaveLength(4)
    expect(
      items
        .filter((i) => i.status === 'done')
        .map((i) => i.title)
        .sort(),
    ).toEqual([
      'Children, Young People and Families Plan',
      'Legislation in Education',
      'Place Based Safeguarding Approach',
      'The role of the LADO',
    ])
  })
})
