import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'
import { BODY, JANUARY, scanEveryPage } from './support/every-page.ts'

/**
 * Every page the scrutiny officer reaches (the most of any role: every edit link and form),
 * scanned by axe, and forms in the states a page load does not show: conditional questions
 * revealed, errors, a refused save. The pages are listed in support/every-page.ts.
 */
e2eSuite('Accessibility of every page for the scrutiny officer, and of forms in use', (e2e) => {
  scanEveryPage(e2e, ['scrutiny_officer'])

  test.each([`${JANUARY}/items/new`, '/decisions/ex48-2023/documents/new'])(
    'on %s, "Yes" reveals the exemption questions, and the page has no axe violations open or closed',
    async (path) => {
      const page = await e2e.newPage('scrutiny_officer')
      await page.goto(path)
      const yes = page.getByRole('radio', { name: 'Yes' })
      const paragraph = page.getByLabel('Paragraph of Schedule 12A')
      await expect.poll(() => yes.getAttribute('aria-controls')).toBe('conditional-exempt')
      expect(await paragraph.isVisible()).toBe(false)

      await yes.check()
      expect(await paragraph.isVisible()).toBe(true)
      expect(await yes.getAttribute('aria-expanded')).toBeNull()
      await expectNoAxeViolations(page)

      await page.getByRole('radio', { name: 'No' }).check()
      expect(await paragraph.isVisible()).toBe(false)
      await expectNoAxeViolations(page)
    },
  )

  test('a form sent empty shows its errors accessibly', async () => {
    const page = await e2e.newPage('scrutiny_officer')
    await page.goto('/meetings/new')
    const form = await new BasePage(page, 'Add a meeting').verifyOnPage()
    await clickAndWait(page, page.getByRole('button', { name: 'Add meeting' }))

    await form.verifyOnPage()
    expect(await page.title()).toMatch(/^Error: /)
    expect((await form.errorSummary()).length).toBeGreaterThan(0)
    await expectNoAxeViolations(page)
  })

  test('a save over someone else’s change shows the refusal accessibly, with what was typed', async () => {
    const edit = `/meetings/2024-03-27-${BODY}/edit`
    const [first, second] = [await e2e.newPage('scrutiny_officer'), await e2e.newPage('admin')]
    for (const page of [first, second]) await page.goto(edit)
    await first.getByLabel('Notes (optional)').fill('Moved to the Town Hall.')
    await clickAndWait(first, first.getByRole('button', { name: 'Save' }))
    await second.getByLabel('Notes (optional)').fill('Room to be confirmed.')
    await clickAndWait(second, second.getByRole('button', { name: 'Save' }))

    const form = await new BasePage(second, 'Change meeting details').verifyOnPage()
    expect(await second.title()).toMatch(/^Error: /)
    expect(await form.errorSummary()).toEqual([
      expect.stringMatching(/^This meeting was changed by Demo scrutiny officer at .+ after you opened it\. /),
    ])
    expect(await second.getByLabel('Notes (optional)').inputValue()).toBe('Room to be confirmed.')
    const current = second.getByRole('link', { name: 'See the current version of this meeting (opens in new tab)' })
    expect(await current.getAttribute('target')).toBe('_blank')
    await expectNoAxeViolations(second)
  })
})
