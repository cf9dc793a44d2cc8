import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { errorSummary, formFields, table, text } from '../../../test/support/html.ts'
import { json } from '../../../test/support/json.ts'

const slug = 'children-and-young-peoples-scrutiny-committee'
const tracker = `/bodies/${slug}/recommendations`

const date = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-')
  return { [`${name}-day`]: day ?? '', [`${name}-month`]: month, [`${name}-year`]: year }
}

const details = (extra: Record<string, string>) => ({
  number: '',
  text: '',
  responsiblePersonId: '',
  meetingId: '',
  ...extra,
})

interface ApiRecommendation {
  number: string
  source: Record<string, unknown>
  [key: string]: unknown
}

/** Today is 22 January 2024 in the tests. */
describe.each(testDatabases())(
  'recommendations from reviews, month targets and late responses on $name',
  (database) => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(database, { demo: false })
      await builders(t).aBody({ name: "Children and Young People's Scrutiny Committee" })
    })
    afterAll(() => t?.close())

    const fromReview = {
      sourceKind: 'review',
      reviewTitle: 'Task and finish review of school attendance',
      ...date('reviewReportedOn', '2023-10-05'),
    }

    it('asks for the review report’s title and date, and a target that is a real day or month', async () => {
      const agent = await t.as('scrutiny_officer')
      const form = await agent.get(`${tracker}/new`)
      expect(formFields(form.body, tracker).sourceKind).toBe('resolution')
      const missing = await agent.post(
        tracker,
        details({
          number: '1',
          text: 'x',
          sourceKind: 'review',
          ...date('madeOn', '2023-11-09'),
          ...date('targetDate', '2023-13'),
        }),
      )
      expect(missing.statusCode).toBe(400)
      expect(errorSummary(missing.body)).toEqual([
        'Enter the title of the review report',
        'Enter the date of the review report',
        'Target date must be a real date, or a month and year',
      ])
      const early = await agent.post(
        tracker,
        details({
          number: '1',
          text: 'x',
          ...fromReview,
          ...date('madeOn', '2023-11-09'),
          ...date('targetDate', '2023-10'),
        }),
      )
      expect(errorSummary(early.body)).toEqual([
        'Target date must be the same as or after the date the recommendation was made',
      ])
      const future = await agent.post(
        tracker,
        details({
          number: '1',
          text: 'x',
          ...fromReview,
          ...date('reviewReportedOn', '2024-03-01'),
          ...date('madeOn', '2023-11-09'),
        }),
      )
      expect(errorSummary(future.body)).toEqual(['Date of the review report must be today or in the past'])
      expect(formFields(future.body, tracker)).toMatchObject({
        sourceKind: 'review',
        reviewTitle: fromReview.reviewTitle,
      })
      expect(
        (await (await t.as('officer')).post(tracker, details({ number: '1', text: 'x', ...fromReview }))).statusCode,
      ).toBe(403)
    })

    it('tracks a review’s recommendation with a month target, due at the month’s end', async () => {
      const agent = await t.as('scrutiny_officer')
      const created = await agent.post(
        tracker,
        details({
          number: '1',
          text: 'Publish attendance by school each term.',
          ...fromReview,
          ...date('madeOn', '2023-11-09'),
          ...date('targetDate', '2023-12'),
        }),
      )
      expect(created.statusCode).toBe(303)
      const url = created.headers.location as string
      const page = text((await t.visitor().get(url)).body)
      expect(page).toContain(
        'Comes from A task and finish review report: “Task and finish review of school attendance”, reported 5 October 2023',
      )
      expect(page).toMatch(/Target date December 2023 \(due by the end of the month\) Overdue/)
      expect(page).toMatch(/RAG rating Red/)
      expect(text((await agent.get(url)).body)).toContain('Created recommendation')

      // January 2024 is due on the 31st: not overdue on the 22nd, amber with no update.
      const january = await agent.post(
        tracker,
        details({
          number: '2',
          text: 'Report the first term’s figures.',
          ...date('madeOn', '2023-11-09'),
          ...date('targetDate', '2024-01'),
        }),
      )
      expect(january.statusCode).toBe(303)
      const second = text((await t.visitor().get(january.headers.location as string)).body)
      expect(second).toContain('Comes from A committee resolution')
      expect(second).not.toContain('Overdue')
      expect(second).toMatch(/RAG rating Amber/)

      const edit = await agent.get(`${url}/edit`)
      expect(formFields(edit.body, `${url}/edit`)).toMatchObject({
        sourceKind: 'review',
        reviewTitle: 'Task and finish review of school attendance',
        'targetDate-day': '',
        'targetDate-month': '12',
        'targetDate-year': '2023',
      })

      const rows = table((await t.visitor().get(tracker)).body)
      expect(rows[1].join(' ')).toContain(
        'From the review report “Task and finish review of school attendance” of 5 October 2023',
      )
      expect(rows[1][3]).toBe('December 2023 Overdue')
      expect(rows[2][3]).toBe('January 2024')
      const csv = (await t.visitor().get(`${tracker}?format=csv`)).body
      expect(csv).toContain('"1","2023-11-09","Publish attendance by school each term.","December 2023"')

      const api = json<{ recommendations: ApiRecommendation[] }>(await t.visitor().get('/api/v1/recommendations'))
      expect(api.recommendations.find((r) => r.number === '1')).toMatchObject({
        source: { kind: 'review', title: 'Task and finish review of school attendance', reportedOn: '2023-10-05' },
        targetDate: null,
        targetMonth: '2023-12',
        target: 'December 2023',
        dueOn: '2023-12-31',
        overdue: true,
        rag: 'red',
      })
      expect(api.recommendations.find((r) => r.number === '2')).toMatchObject({
        source: { kind: 'resolution' },
        targetMonth: '2024-01',
        dueOn: '2024-01-31',
        overdue: false,
        rag: 'amber',
      })
    })

    it('shows an Executive response that is not in two months after referral as overdue', async () => {
      const agent = await t.as('scrutiny_officer')
      const created = await agent.post(
        tracker,
        details({
          number: '3',
          text: 'That the Executive fund more school attendance officers.',
          ...date('madeOn', '2023-10-01'),
          toExecutive: 'yes',
          ...date('referredOn', '2023-10-01'),
        }),
      )
      expect(created.statusCode).toBe(303)
      const page = text((await t.visitor().get(created.headers.location as string)).body)
      expect(page).toMatch(/1 December 2023 Overdue/)
      const row = table((await t.visitor().get(tracker)).body).find((cells) => cells[0].endsWith('3'))!
      expect(row.at(-1)).toContain('Executive response overdue')
      const api = json<{ recommendations: ApiRecommendation[] }>(await t.visitor().get('/api/v1/recommendations'))
      expect(api.recommendations.find((r) => r.number === '3')).toMatchObject({
        toExecutive: true,
        referredOn: '2023-10-01',
        responseDueOn: '2023-12-01',
        responseReceivedOn: null,
        responseOverdue: true,
      })
      expect(api.recommendations.find((r) => r.number === '1')).toMatchObject({
        toExecutive: false,
        responseOverdue: false,
      })
    })
  },
)
