import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { runImportCommand } from '../support/import-command.ts'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const FIXTURES = 'test/fixtures/moderngov'
const ITEM = "Children's social care performance, quarter 3"

e2eSuite('Import from Modern.gov (issue 11)', (e2e) => {
  test('an admin reviews an import the command made, applies it, and finds the imported meeting, its items and a document’s words through search', async () => {
    // The fixture responses, the malformed one aside, read by the command into the app's database.
    const folder = await mkdtemp(join(tmpdir(), 'moderngov-e2e-'))
    try {
      await cp(FIXTURES, folder, { recursive: true, filter: (source) => !source.endsWith('malformed.xml') })
      const { code, out } = await runImportCommand(['moderngov', folder], {
        openDatabase: () => Promise.resolve({ db: e2e.server.handle.db, close: () => Promise.resolve() }),
      })
      expect(code, out).toBe(0)
      expect(out).toMatch(/^Review it at \/admin\/imports\/[0-9a-f-]{36}$/m)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }

    const page = await e2e.newPage('admin')
    await page.goto('/admin')
    await clickAndWait(page, page.getByRole('link', { name: 'Imports' }))
    await new BasePage(page, 'Imports').verifyOnPage()
    await expectNoAxeViolations(page)

    await clickAndWait(page, page.getByRole('link', { name: folder }))
    await new BasePage(page, 'Import from Modern.gov').verifyOnPage()
    await expect.poll(() => page.locator('.govuk-summary-list').innerText()).toContain('Ready to review')
    const wouldDo = page.locator('table', { has: page.locator('caption', { hasText: 'What applying would do' }) })
    expect(await wouldDo.locator('tr', { hasText: 'Meetings' }).locator('td').first().innerText()).toBe('4')
    await expect.poll(() => page.getByRole('heading', { name: 'Cannot be mapped (5)' }).count()).toBe(1)
    await expectNoAxeViolations(page)

    // Discarding asks first; going back leaves the import as it was.
    await clickAndWait(page, page.getByRole('link', { name: 'Discard import' }))
    await new BasePage(page, 'Are you sure you want to discard this import?').verifyOnPage()
    await expectNoAxeViolations(page)
    await clickAndWait(page, page.getByRole('link', { name: 'No, go back to the import' }))

    await clickAndWait(page, page.getByRole('button', { name: 'Apply import' }))
    await new BasePage(page, 'Import from Modern.gov').verifyOnPage()
    const banner = (await page.locator('.govuk-notification-banner').innerText()).replace(/\s+/g, ' ')
    expect(banner).toContain('This import was applied')
    expect(banner).toContain('29 records created')
    expect(await page.getByRole('button', { name: 'Apply import' }).count()).toBe(0)
    await expectNoAxeViolations(page)

    // Starting an import from a site asks for what it needs, next to each field.
    await page.goto('/admin/imports')
    await clickAndWait(page, page.getByRole('button', { name: 'Start an import from Modern.gov' }))
    const start = await new BasePage(page, 'Start an import from Modern.gov').verifyOnPage()
    await expectNoAxeViolations(page)
    await clickAndWait(page, page.getByRole('button', { name: 'Start import' }))
    expect(await start.errorSummary()).toEqual([
      'Enter the address of the council’s Modern.gov site, like https://democracy.example.gov.uk',
      'Enter the date of the first meetings to import, like 1 9 2020',
    ])
    await expectNoAxeViolations(page)

    // The imported meeting and its items are found through search.
    await page.goto(`/search?q=${encodeURIComponent('social care performance quarter')}`)
    await clickAndWait(page, page.getByRole('link', { name: ITEM }).first())
    await expect.poll(() => page.locator('main').innerText()).toContain('Residential placement contract')
    expect(await page.locator('main').innerText()).toContain('14 March 2024')
    // The item lists its document, which can be downloaded.
    const document = page.getByRole('link', { name: 'Quarter 3 performance report' })
    expect(await document.getAttribute('href')).toMatch(/^\/documents\/[0-9a-f-]{36}$/)

    // A resident finds words inside the imported PDF, and never the words of the restricted one.
    const resident = await e2e.newPage()
    await resident.goto(`/search?q=${encodeURIComponent('kinship carers')}`)
    const hit = resident.getByRole('link', { name: 'Quarter 3 performance report' })
    expect(await hit.getAttribute('href')).toBe(await document.getAttribute('href'))
    expect(await resident.locator('main').innerText()).toMatch(/kinship/i)
    await expectNoAxeViolations(resident)
    await resident.goto('/search?q=Larkspur')
    expect(await resident.getByRole('link', { name: /exempt appendix/i }).count()).toBe(0)
    expect(await resident.locator('main').innerText()).toMatch(/No results|0 results|nothing/i)
  })
})
