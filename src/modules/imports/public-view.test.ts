import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { importFixtures } from '../../../test/support/import-command.ts'

const MEETING = '/meetings/2024-03-14-children-and-young-people-scrutiny-committee'

describe.each(testDatabases())('an imported meeting on $name', (database) => {
  let t: TestApp
  let folder: string

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false, today: '2024-06-01' })
    folder = await importFixtures(t.db, 'moderngov-public-')
  })
  afterAll(async () => {
    await t?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')

  it('shows the public the meeting with the council’s own item numbers, the restricted item as exempt, its text withheld', async () => {
    const page = await t.visitor().get(MEETING)
    expect(page.statusCode).toBe(200)
    const shown = text(page.body)
    expect(shown).toContain('Time 6pm to 8:15pm Venue Committee Room A, Town Hall')
    expect(shown).toContain(
      "4a. Children's social care performance, quarter 3 To consider the quarter 3 performance report.",
    )
    expect(shown).toContain('9. Residential placement contract Exempt')
    expect(shown).not.toContain('Exempt under paragraph 3 of Part 1 of Schedule 12A.')
  })

  it('shows the exempt item’s text to a scrutiny officer, and the import in the meeting’s history', async () => {
    const shown = text((await (await t.as('scrutiny_officer')).get(MEETING)).body)
    expect(shown).toContain('Exempt under paragraph 3 of Part 1 of Schedule 12A.')
    expect(shown).toContain('system Imported meeting')
  })
})
