import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

e2eSuite('The outcomes framework (issue 5)', (e2e) => {
  test('an analyst imports a file of figures, is shown the row to fix, and sees the indicator update', async () => {
    const page = await e2e.newPage('analyst')
    await page.goto('/')
    await clickAndWait(page, page.getByRole('link', { name: 'Outcomes', exact: true }))
    await new BasePage(page, 'Outcomes framework').verifyOnPage()
    await expectNoAxeViolations(page)

    await clickAndWait(page, page.getByRole('link', { name: 'Import figures from a file' }))
    const form = await new BasePage(page, 'Import figures').verifyOnPage()
    await expectNoAxeViolations(page)

    // A file with a mistake in row 3: nothing is imported, and the row and column are named.
    const bad = join(tmpdir(), `oversight-e2e-bad-${process.pid}.csv`)
    writeFileSync(bad, 'Indicator code,Period,Target,Actual\r\nOF3.1,March 2024,,398\r\nOF3.2,March 2024,,lots\r\n')
    await page.getByLabel('File of figures').setInputFiles(bad)
    await clickAndWait(page, page.getByRole('button', { name: 'Import figures' }))
    await form.verifyOnPage()
    expect((await form.errorSummary())[0]).toMatch(/was not imported: fix the rows below and try again$/)
    const problems = page.getByRole('table', { name: /1 problem in/ })
    expect((await problems.getByRole('cell').allInnerTexts()).map((c) => c.trim())).toEqual([
      '3',
      'Actual',
      expect.stringMatching(/must be a number/),
    ])
    await expectNoAxeViolations(page)

    // Fixed: both rows go in.
    const good = join(tmpdir(), `oversight-e2e-good-${process.pid}.csv`)
    writeFileSync(good, 'Indicator code,Period,Target,Actual\r\nOF3.1,March 2024,,398\r\nOF3.2,March 2024,,104\r\n')
    await page.getByLabel('File of figures').setInputFiles(good)
    await clickAndWait(page, page.getByRole('button', { name: 'Import figures' }))
    await new BasePage(page, 'Outcomes framework').verifyOnPage()
    expect(await page.getByText('2 figures were imported').count()).toBe(1)

    await clickAndWait(page, page.getByRole('link', { name: /section 47 investigations per 10,000/i }).first())
    const march = page.locator('#period-2024-03')
    const cells = (await march.getByRole('cell').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim())
    expect(cells[0]).toBe('400 per 10,000')
    expect(cells[1]).toMatch(/^398 per 10,000 Imported from oversight-e2e-good-\d+\.csv by Demo analyst$/)
    expect(cells[2]).toBe('Green')
    expect(cells[3]).toMatch(/Improving/)
    await expectNoAxeViolations(page)
  })

  test('a councillor reads section 47 investigations improving from the baseline, as a chart and a table', async () => {
    const page = await e2e.newPage('member')
    await page.goto('/outcomes')
    await clickAndWait(page, page.getByRole('link', { name: /section 47 investigations per 10,000/i }).first())
    expect(await page.getByRole('img', { name: /actual against target/ }).count()).toBe(1)
    const october = (await page.locator('#period-2023-10').getByRole('cell').allInnerTexts()).map((c) =>
      c.replace(/\s+/g, ' ').trim(),
    )
    expect(october.slice(0, 4)).toEqual([
      '450 per 10,000',
      expect.stringMatching(/^422 per 10,000/),
      'Green',
      '↓ Improving since Baseline April 2023',
    ])
    await expectNoAxeViolations(page)
  })
})
