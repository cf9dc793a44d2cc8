import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MeetingRecord, builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { links, text, texts } from '../../../test/support/html.ts'

/** Search finds the public's questions, motions and petitions as their pages show them, and no more. */
describe.each(testDatabases())('searching public participation on $name', (database) => {
  let t: TestApp
  let held: MeetingRecord
  let draft: MeetingRecord

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    const build = builders(t)
    const body = await build.aBody({ name: 'Participation scrutiny committee' })
    const chair = await build.aPerson({ name: 'Pat Chair' })
    await build.aMembership(body, chair)
    held = await build.aMeeting(body, { date: '2023-11-09', status: 'held' })
    draft = await build.aMeeting(body, { date: '2024-02-08', agenda: 'draft' })
    await build.aPublicQuestion(held, {
      askerName: 'Jane Quokkason',
      question: 'How many children wait for a wombatplacement?',
      answer: 'Twelve are waiting.',
      supplementary: 'How long is the longest numbatwait?',
    })
    await build.aPublicQuestion(held, {
      askerName: 'Sam Bilbyson',
      askerNamed: true,
      question: 'When will the library reopen?',
    })
    await build.aPublicQuestion(draft, { question: 'Where has the quollplayground budget gone?' })
    await build.aMotion(held, {
      text: 'This committee asks for more dingoworkers.',
      amendments: ['Add: and emuapprenticeships.'],
    })
    await build.minutesOf(held, { present: [chair], items: {}, publish: false })
    await build.aPetition({
      title: 'Keep the Possumvale youth club open',
      body,
      presentedOn: '2023-11-09',
      leadPetitioner: 'Alex Wallabyson',
      response: 'The council will keep the club open on Saturdays.',
    })
  })
  afterAll(() => t?.close())

  const search = async (q: string) => {
    const page = await t.visitor().get(`/search?${new URLSearchParams({ q })}`)
    expect(page.statusCode).toBe(200)
    return page.body
  }

  it('finds a public question by the words of its question, answer and supplementary, linked on the meeting page', async () => {
    for (const word of ['wombatplacement', 'numbatwait']) {
      const page = await search(word)
      expect(text(page)).toContain(`1 result for ‘${word}’`)
      expect(text(page)).toContain('Public question Question 1 from A member of the public')
      expect(text(page)).toContain('Participation scrutiny committee, Thursday 9 November 2023')
      expect(links(page)).toContain(`${held.url}#question-1`)
      expect(texts(page, 'mark')).toEqual([word])
    }
  })

  it('never finds or shows an asker by a name they did not agree to show; finds one who agreed', async () => {
    const unnamed = await search('Quokkason')
    expect(text(unnamed)).toContain('0 results for ‘Quokkason’')
    expect(text(await search('wombatplacement'))).not.toContain('Quokkason')
    const named = await search('Bilbyson')
    expect(text(named)).toContain('1 result for ‘Bilbyson’')
    expect(text(named)).toContain('Question 2 from Sam Bilbyson')
    expect(links(named)).toContain(`${held.url}#question-2`)
  })

  it('does not find the question of a draft agenda, even for the staff who see it', async () => {
    expect(text(await search('quollplayground'))).toContain('0 results')
    const staff = await (await t.as('scrutiny_officer')).get('/search?q=quollplayground')
    expect(text(staff.body)).toContain('0 results')
  })

  it('finds a petition by its title and its response, linked to its page, without an unnamed lead petitioner', async () => {
    for (const word of ['Possumvale', 'Saturdays']) {
      const page = await search(word)
      expect(text(page)).toContain(`1 result for ‘${word}’`)
      expect(text(page)).toContain('Petition Keep the Possumvale youth club open')
      expect(text(page)).toContain('Presented to Participation scrutiny committee on 9 November 2023')
      expect(links(page)).toContain('/petitions/keep-the-possumvale-youth-club-open')
    }
    expect(text(await search('Wallabyson'))).toContain('0 results')
  })

  it('finds a motion and its amendments only once the minutes are published', async () => {
    expect(text(await search('dingoworkers'))).toContain('0 results')
    expect(text(await search('emuapprenticeships'))).toContain('0 results')
    const published = await (await t.as('scrutiny_officer')).post(`${held.url}/minutes/publish`, {})
    expect(published.statusCode).toBe(303)
    for (const word of ['dingoworkers', 'emuapprenticeships']) {
      const page = await search(word)
      expect(text(page)).toContain(`1 result for ‘${word}’`)
      expect(text(page)).toContain('Motion Motion 1')
      expect(links(page)).toContain(`${held.url}#motion-1`)
    }
  })
})
