import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../../test/support/agent.ts'
import { type BodyRecord, builders } from '../../../../test/support/builders/index.ts'
import { testDatabases } from '../../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../../test/support/harness.ts'
import { heading, table, text } from '../../../../test/support/html.ts'

const HEADER = ['Municipal year', 'Public questions', 'Petitions', 'Motions']

/** A body's page counts the public's questions, petitions and motions per municipal year, as the viewer may read. */
describe.each(testDatabases())('public participation on a body’s page on $name', (database) => {
  let t: TestApp
  let body: BodyRecord
  let quiet: BodyRecord
  let scrutiny: Agent

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    scrutiny = await t.as('scrutiny_officer')
    const build = builders(t)
    body = await build.aBody({ name: 'Counting scrutiny committee' })
    quiet = await build.aBody({ name: 'Quiet panel' })
    const chair = await build.aPerson({ name: 'Pat Chair' })
    await build.aMembership(body, chair)
    // 30 April and 1 May: either side of the start of the municipal year, in May unless set otherwise.
    const april = await build.aMeeting(body, { date: '2023-04-20', status: 'held' })
    const may = await build.aMeeting(body, { date: '2023-05-18', status: 'held' })
    const draft = await build.aMeeting(body, { date: '2024-02-08', agenda: 'draft' })
    await build.aPublicQuestion(april, { question: 'First question in April?' })
    await build.aPublicQuestion(april, { question: 'Second question in April?' })
    await build.aPublicQuestion(may, { question: 'A question in May?' })
    await build.aPublicQuestion(draft, { question: 'A question on a draft agenda?' })
    await build.aMotion(april, { text: 'A motion whose minutes are a draft.' })
    await build.aMotion(may, { text: 'A motion in published minutes.' })
    await build.minutesOf(april, { present: [chair], items: {}, publish: false })
    await build.minutesOf(may, { present: [chair], items: {} })
    await build.aPetition({ title: 'A petition of 30 April', body, presentedOn: '2023-04-30' })
    await build.aPetition({ title: 'A petition of 1 May', body, presentedOn: '2023-05-01' })
    await build.aPetition({ title: 'A petition not yet presented', body })
    await build.aPetition({ title: 'A petition to another body', body: quiet, presentedOn: '2023-06-01' })
  })
  afterAll(() => t?.close())

  const counts = async (agent: Agent, of: BodyRecord = body) => {
    const page = await agent.get(of.url)
    expect(page.statusCode).toBe(200)
    return table(page.body, { caption: 'Public questions asked at its meetings' })
  }

  it('counts for the public per municipal year across the May boundary, leaving out drafts', async () => {
    expect(await counts(t.visitor())).toEqual([HEADER, ['2023/24', '1', '1', '1'], ['2022/23', '2', '1', '0']])
  })

  it('counts for staff what they may read: a draft agenda’s questions and draft minutes’ motions', async () => {
    expect(await counts(scrutiny)).toEqual([HEADER, ['2023/24', '2', '1', '1'], ['2022/23', '2', '1', '1']])
    // A member reads neither drafts: the same as the public.
    expect(await counts(await t.as('member'))).toEqual(await counts(t.visitor()))
  })

  it('shows nothing on the page of a body with nothing to count', async () => {
    const build = builders(t)
    const empty = await build.aBody({ name: 'Empty board' })
    const page = await t.visitor().get(empty.url)
    expect(heading(page.body)).toBe('Empty board')
    expect(text(page.body)).not.toContain('Public participation')
    expect(await counts(t.visitor(), quiet)).toEqual([HEADER, ['2023/24', '0', '1', '0']])
  })

  it('counts calendar years when the council’s year starts in January', async () => {
    const admin = await t.as('admin')
    const url = '/admin/settings/municipal-year'
    const saved = await admin.post(url, { ...(await admin.versionOf(url)), municipalYearStartMonth: '1' })
    expect(saved.statusCode).toBe(303)
    expect(await counts(t.visitor())).toEqual([HEADER, ['2023', '3', '2', '1']])
  })
})
