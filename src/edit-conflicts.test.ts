import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../test/support/agent.ts'
import { testDatabases } from '../test/support/databases.ts'
import { type TestApp, startTestApp } from '../test/support/harness.ts'
import { errorSummary, formFields } from '../test/support/html.ts'
import { multipartForm } from '../test/support/sample-files.ts'
import type { Role } from '#src/platform/auth/user.ts'

/**
 * No edit is silently lost: two people open the same edit form, the first saves, and the second's
 * save is refused (409) with the form shown again, their words still in it, saying who changed the
 * record and when, with a link to the current version and that version's token, so that saving
 * again is deliberate. The refusal is logged, not audited.
 */

const BODY = 'children-and-young-peoples-scrutiny-committee'
const JANUARY = `/meetings/2024-01-25-${BODY}`
const PLAN = '/improvement-plans/childrens-social-care-improvement-plan'
const NOT_SAVED = 'Your changes have not been saved: check the current version, then save again.'
/** Today, so the time alone: "at 10:42am". */
const CHANGED_BY_JANE = / changed by Jane Smith at \d{1,2}(:\d\d)?(am|pm) after you opened (it|them)\. /

/** One of each kind of record people change through a form that overwrites it. */
const KINDS = [
  'a meeting',
  'a report',
  'a report written for the first time',
  'a recommendation',
  'a recommendation’s status',
  'a milestone',
  'an indicator’s figures',
  'an indicator’s figures entered for the first time',
  'a work programme item',
  'a committee or other body',
  'a person',
  'an indicator’s definition',
  'a decision',
  'a call-in',
  'a forward plan item',
  'an improvement plan',
] as const

interface EditedRecord {
  role: Role
  /** How the refusal names it. */
  subject: string
  /** The edit form, which posts back to its own address. */
  form: string
  /** The record's page, linked to from the refusal. */
  page: string
  /** The field both editors change, and what else a valid save needs. */
  field: string
  extra?: Record<string, string>
  stored(): Promise<string | null | undefined>
}

describe.each(testDatabases())('two people editing the same record ($name)', (database) => {
  let t: TestApp
  const records = {} as Record<(typeof KINDS)[number], EditedRecord>
  /** Signed in once each (sign-in is rate limited): Jane Smith, and the demo account, of each role. */
  const janes = {} as Record<Role, Agent>
  const others = {} as Record<Role, Agent>

  /** Audit events that record a change. */
  const changes = async () => {
    const row = await t.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'not in', ['signed in', 'signed out', 'sign-in failed'])
      .where('action', 'not like', 'viewed %')
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  beforeAll(async () => {
    t = await startTestApp(database)
    const db = t.db
    /** One column of the row that matches, as stored. */
    const storedIn = (table: string, column: string, match: Record<string, string>) => async () => {
      const where = sql.join(
        Object.entries(match).map(([key, value]) => sql`${sql.ref(key)} = ${value}`),
        sql` and `,
      )
      const { rows } = await sql<{ value: string | null }>`
        select ${sql.ref(column)} as value from ${sql.table(table)} where ${where}`.execute(db)
      return rows[0]?.value
    }
    const recommendation = await db
      .selectFrom('recommendations')
      .select('id')
      .where('number', '=', '9')
      .executeTakeFirstOrThrow()
    const milestone = await db
      .selectFrom('planMilestones')
      .innerJoin('planActions', 'planActions.id', 'planMilestones.actionId')
      .innerJoin('planThemes', 'planThemes.id', 'planActions.themeId')
      .innerJoin('improvementPlans', 'improvementPlans.id', 'planThemes.planId')
      .select(['planMilestones.id', 'improvementPlans.ownerPersonId'])
      .where('planActions.reference', '=', '1.1')
      .executeTakeFirstOrThrow()
    const workItem = await db
      .selectFrom('workProgrammeItems')
      .innerJoin('bodies', 'bodies.id', 'workProgrammeItems.bodyId')
      .select('workProgrammeItems.id')
      .where('bodies.slug', '=', BODY)
      .executeTakeFirstOrThrow()
    const reportOf = (item: number) => () =>
      db
        .selectFrom('reports')
        .innerJoin('agendaItems', 'agendaItems.id', 'reports.agendaItemId')
        .innerJoin('meetings', 'meetings.id', 'agendaItems.meetingId')
        .select('reports.purpose')
        .where('meetings.slug', '=', JANUARY.slice('/meetings/'.length))
        .where('agendaItems.number', '=', String(item))
        .executeTakeFirst()
        .then((row) => row?.purpose)
    const valueOf = (code: string, period: string) => () =>
      db
        .selectFrom('indicatorValues')
        .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
        .innerJoin('indicatorPeriods', 'indicatorPeriods.id', 'indicatorValues.periodId')
        .select('indicatorValues.note')
        .where('indicators.code', '=', code)
        .where('indicatorPeriods.slug', '=', period)
        .executeTakeFirst()
        .then((row) => row?.note)
    // An indicator and period with no figures yet, for figures two analysts enter first at once.
    const [indicators, periods, values] = await Promise.all([
      db.selectFrom('indicators').select(['id', 'code']).orderBy('position').execute(),
      db.selectFrom('indicatorPeriods').select(['id', 'slug', 'name']).orderBy('endsOn').execute(),
      db.selectFrom('indicatorValues').select(['indicatorId', 'periodId']).execute(),
    ])
    const [blank] = indicators.flatMap((indicator) =>
      periods
        .filter((period) => !values.some((v) => v.indicatorId === indicator.id && v.periodId === period.id))
        .map((period) => ({ code: indicator.code, slug: period.slug, name: period.name })),
    )

    Object.assign(records, {
      'a meeting': {
        role: 'scrutiny_officer',
        subject: 'This meeting was',
        form: `/meetings/2024-03-27-${BODY}/edit`,
        page: `/meetings/2024-03-27-${BODY}`,
        field: 'notes',
        stored: storedIn('meetings', 'notes', { slug: `2024-03-27-${BODY}` }),
      },
      'a report': {
        role: 'officer',
        subject: 'This report was',
        form: `${JANUARY}/items/4/report/edit`,
        page: `${JANUARY}/items/4/report`,
        field: 'purpose',
        stored: reportOf(4),
      },
      'a report written for the first time': {
        role: 'officer',
        subject: 'This report was',
        form: `${JANUARY}/items/11/report/edit`,
        page: `${JANUARY}/items/11/report`,
        field: 'purpose',
        extra: { exempt: 'no' },
        stored: reportOf(11),
      },
      'a recommendation': {
        role: 'scrutiny_officer',
        subject: 'This recommendation was',
        form: `/recommendations/${recommendation.id}/edit`,
        page: `/recommendations/${recommendation.id}`,
        field: 'text',
        stored: storedIn('recommendations', 'text', { id: recommendation.id }),
      },
      'a recommendation’s status': {
        role: 'scrutiny_officer',
        subject: 'This recommendation was',
        form: `/recommendations/${recommendation.id}/status`,
        page: `/recommendations/${recommendation.id}`,
        field: 'withdrawnReason',
        extra: { status: 'withdrawn' },
        stored: storedIn('recommendations', 'withdrawn_reason', { id: recommendation.id }),
      },
      'a milestone': {
        role: 'officer',
        subject: 'This milestone was',
        form: `${PLAN}/milestones/${milestone.id}/edit`,
        page: `${PLAN}/actions/1.1#milestone-${milestone.id}`,
        field: 'text',
        stored: storedIn('plan_milestones', 'text', { id: milestone.id }),
      },
      'an indicator’s figures': {
        role: 'analyst',
        subject: 'The figures for October 2024 were',
        form: '/outcomes/OF3.1/2024-10/edit',
        page: '/outcomes/OF3.1?period=2024-10#period-2024-10',
        field: 'note',
        stored: valueOf('OF3.1', '2024-10'),
      },
      'an indicator’s figures entered for the first time': {
        role: 'analyst',
        subject: `The figures for ${blank.name} were`,
        form: `/outcomes/${blank.code}/${blank.slug}/edit`,
        page: `/outcomes/${blank.code}?period=${blank.slug}#period-${blank.slug}`,
        field: 'note',
        stored: valueOf(blank.code, blank.slug),
      },
      'a work programme item': {
        role: 'scrutiny_officer',
        subject: 'This work programme item was',
        form: `/bodies/${BODY}/work-programme/${workItem.id}/edit`,
        page: `/bodies/${BODY}/work-programme/${workItem.id}`,
        field: 'description',
        stored: storedIn('work_programme_items', 'description', { id: workItem.id }),
      },
      'a committee or other body': {
        role: 'scrutiny_officer',
        subject: 'This body was',
        form: '/bodies/executive/edit',
        page: '/bodies/executive',
        field: 'remit',
        stored: storedIn('bodies', 'remit', { slug: 'executive' }),
      },
      'a person': {
        role: 'scrutiny_officer',
        subject: 'This person’s details were',
        form: '/people/kath-benson/edit',
        page: '/people/kath-benson',
        field: 'jobTitle',
        stored: storedIn('people', 'job_title', { slug: 'kath-benson' }),
      },
      'an indicator’s definition': {
        role: 'analyst',
        subject: 'This indicator was',
        form: '/outcomes/OF3.2/edit',
        page: '/outcomes/OF3.2',
        field: 'definition',
        stored: storedIn('indicators', 'definition', { code: 'OF3.2' }),
      },
      'a decision': {
        role: 'scrutiny_officer',
        subject: 'This decision was',
        form: '/decisions/ex48-2023/edit',
        page: '/decisions/ex48-2023',
        field: 'reasons',
        stored: storedIn('decisions', 'reasons', { slug: 'ex48-2023' }),
      },
      'a call-in': {
        role: 'scrutiny_officer',
        subject: 'This call-in was',
        form: '/decisions/ex48-2023/call-ins/1/edit',
        page: '/decisions/ex48-2023',
        field: 'response',
        stored: () =>
          db
            .selectFrom('callIns')
            .innerJoin('decisions', 'decisions.id', 'callIns.decisionId')
            .select('callIns.response')
            .where('decisions.slug', '=', 'ex48-2023')
            .executeTakeFirst()
            .then((row) => row?.response),
      },
      'a forward plan item': {
        role: 'scrutiny_officer',
        subject: 'This forward plan item was',
        form: '/forward-plan/2024-01/items/12-2022/edit',
        page: '/forward-plan/2024-01/items/12-2022',
        field: 'consultation',
        stored: () =>
          db
            .selectFrom('forwardPlanItems')
            .innerJoin('forwardPlans', 'forwardPlans.id', 'forwardPlanItems.planId')
            .select('forwardPlanItems.consultation')
            .where('forwardPlans.slug', '=', '2024-01')
            .where('forwardPlanItems.slug', '=', '12-2022')
            .executeTakeFirst()
            .then((row) => row?.consultation),
      },
      'an improvement plan': {
        role: 'scrutiny_officer',
        subject: 'This improvement plan was',
        form: `${PLAN}/edit`,
        page: PLAN,
        field: 'title',
        stored: storedIn('improvement_plans', 'title', { slug: PLAN.slice('/improvement-plans/'.length) }),
      },
    } satisfies typeof records)
    for (const role of ['scrutiny_officer', 'officer', 'analyst', 'admin'] as const) {
      // The officer is the improvement plan's owner, as the demo officer is: both may change its milestones.
      const personId = role === 'officer' ? milestone.ownerPersonId : null
      janes[role] = await t.newAccount(role, { name: 'Jane Smith', personId })
      others[role] = await t.as(role)
    }
    // The demo has no call-in: one of EX48/2023, to change.
    const calledIn = await others.scrutiny_officer.post('/decisions/ex48-2023/call-ins', {
      requestedBy: 'Councillors of the committee',
      'requestedOn-day': '13',
      'requestedOn-month': '12',
      'requestedOn-year': '2023',
      grounds: 'The costs were not published.',
    })
    expect(calledIn.statusCode).toBe(303)
  })
  afterAll(() => t?.close())

  it.each(KINDS)('refuses the second save of %s, keeps what was typed, and saves it when asked again', async (kind) => {
    const record = records[kind]
    const [jane, other] = [janes[record.role], others[record.role]]
    const janesForm = await jane.openForm(record.form)
    const othersForm = await other.openForm(record.form)
    expect(othersForm._version).toBe(janesForm._version)

    const first = await jane.post(record.form, { ...janesForm, ...record.extra, [record.field]: 'Jane’s words' })
    expect(first.statusCode, first.body.slice(0, 200)).toBe(303)

    const audited = await changes()
    const refused = await other.post(record.form, { ...othersForm, ...record.extra, [record.field]: 'Kept words' })
    expect(refused.statusCode).toBe(409)
    const [message] = errorSummary(refused.body)
    expect(message.startsWith(record.subject)).toBe(true)
    expect(message).toMatch(CHANGED_BY_JANE)
    expect(message.endsWith(NOT_SAVED)).toBe(true)
    const shownAgain = formFields(refused.body, record.form)
    expect(shownAgain[record.field]).toBe('Kept words')
    expect(Number(shownAgain._version)).toBeGreaterThan(Number(othersForm._version))
    expect(refused.body).toContain(`href="${record.page}" target="_blank"`)
    expect(await record.stored()).toBe('Jane’s words')
    expect(await changes()).toBe(audited)

    const { _version: _, ...withoutVersion } = othersForm
    const unversioned = await other.post(record.form, {
      ...withoutVersion,
      ...record.extra,
      [record.field]: 'Unversioned words',
    })
    expect(unversioned.statusCode).toBe(409)
    const [refusal] = errorSummary(unversioned.body)
    expect(refusal).toMatch(/^This form does not say which version of .+ it was opened at\. /)
    expect(refusal.endsWith(NOT_SAVED)).toBe(true)
    expect(await record.stored()).toBe('Jane’s words')
    expect(await changes()).toBe(audited)

    const again = await other.post(record.form, shownAgain)
    expect(again.statusCode).toBe(303)
    expect(await record.stored()).toBe('Kept words')
    expect(await changes()).toBe(audited + 1)
  })

  it.each([
    ['a change', `/meetings/2024-03-27-${BODY}/edit`, 'notes', {}],
    ['a first report', `${JANUARY}/items/1/report/edit`, 'purpose', { exempt: 'no' }],
  ])('lets one of two saves of %s sent at the same moment through, and refuses the other', async (...row) => {
    const [, form, field, extra] = row
    const [first, second] = [others.scrutiny_officer, others.admin]
    const [firstForm, secondForm] = [await first.openForm(form), await second.openForm(form)]
    const audited = await changes()
    const saves = await Promise.all([
      first.post(form, { ...firstForm, ...extra, [field]: 'First words' }),
      second.post(form, { ...secondForm, ...extra, [field]: 'Second words' }),
    ])
    expect(saves.map((save) => save.statusCode).sort()).toEqual([303, 409])
    expect(await changes()).toBe(audited + 1)
  })

  describe('changes made other than through the form make it out of date too', () => {
    const refusal = async (response: { statusCode: number; body: string }) => {
      expect(response.statusCode).toBe(409)
      return errorSummary(response.body)[0]
    }

    it('an import of figures', async () => {
      const form = '/outcomes/OF3.1/2023-10/edit'
      const opened = await others.analyst.openForm(form)
      const data = Buffer.from('Indicator code,Period,Target\r\nOF3.1,October 2023,440\r\n')
      const file = { filename: 'october.csv', data }
      const upload = multipartForm({ _csrf: await janes.analyst.token() }, { ...file, type: 'text/csv' })
      expect((await janes.analyst.inject({ method: 'POST', url: '/outcomes/import', ...upload })).statusCode).toBe(303)
      const refused = await others.analyst.post(form, { ...opened, note: 'Typed before the import' })
      expect(await refusal(refused)).toMatch(/^The figures for October 2023 were changed by Jane Smith at /)
    })

    it('putting a work programme item on an agenda', async () => {
      const programme = `/bodies/${BODY}/work-programme`
      const newForm = (await janes.scrutiny_officer.get(`${programme}/new`)).body
      const march = /<option value="([0-9a-f-]{36})"[^>]*>Wednesday 27 March 2024/.exec(newForm)![1]
      const added = await janes.scrutiny_officer.post(programme, {
        ...formFields(newForm, programme),
        title: 'Elective home education',
        kind: 'committee item',
        schedule: 'meeting',
        meetingId: march,
      })
      const item = added.headers.location as string
      const opened = await others.scrutiny_officer.openForm(`${item}/edit`)
      expect((await janes.scrutiny_officer.post(`${item}/agenda-item`)).statusCode).toBe(303)
      // Saved as it was opened, the form would put the item back to planned, though it is on an agenda.
      const refused = await others.scrutiny_officer.post(`${item}/edit`, { ...opened, status: 'planned' })
      expect(await refusal(refused)).toMatch(/^This work programme item was changed by Jane Smith at /)
    })
  })
})
