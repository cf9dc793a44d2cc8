import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { SYNTH_FILES, writeSyntheticReturns } from '#src/modules/returns/index.ts'
import { TEST_PSEUDONYM_KEY } from '../support/harness.ts'
import { zipOf } from '../support/sample-files.ts'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations, startE2EServer } from './support/index.ts'

const YEAR = '2023-24'
const S47 = 'Section 47 enquiries per 10,000 children'

/** What a person sees in a locator (line breaks as spaces). */
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()

/** The GOV.UK notification banner's words: the confirmation after a form is sent. */
const bannerOf = (page: Page) => textOf(page.locator('.govuk-notification-banner'))

/** Fills in the upload form as an analyst would and sends it. */
async function uploadExtract(page: Page, kind: string, file: string) {
  await page.getByLabel(kind).check()
  await page.getByLabel('Collection year').fill(YEAR)
  await page.getByLabel('Extract').setInputFiles(file)
  await clickAndWait(page, page.getByRole('button', { name: 'Upload and check' }))
}

async function computeIndicators(page: Page) {
  await page.goto('/outcomes/returns')
  await page.getByLabel('Compute the indicators for').selectOption(YEAR)
  await clickAndWait(page, page.getByRole('button', { name: 'Compute the indicators' }))
  return new BasePage(page, `Indicators computed for ${YEAR}`).verifyOnPage()
}

e2eSuite(
  'Statutory returns (issue 16)',
  (e2e) => {
    let folder: string
    const files = { cin: '', zip903: '' }
    beforeAll(async () => {
      // Made-up children, the same every run: ids SYN…, postcodes in the ZZ area.
      folder = await mkdtemp(join(tmpdir(), 'oversight-returns-e2e-'))
      await writeSyntheticReturns({ children: 400, year: YEAR, out: folder, seed: 7 })
      const tables: Record<string, string> = {}
      for (const name of Object.values(SYNTH_FILES).filter((n) => n.startsWith('synthetic-903-')))
        tables[name] = await readFile(join(folder, name), 'utf8')
      files.cin = join(folder, SYNTH_FILES.cin)
      files.zip903 = join(folder, 'ssda903.zip')
      await writeFile(files.zip903, zipOf(tables))
    })
    afterAll(async () => {
      if (folder) await rm(folder, { recursive: true, force: true })
    })

    test('an analyst takes in the census and the 903, computes the indicators and publishes two; a councillor sees them, c for the small one', async () => {
      const page = await e2e.newPage('analyst')
      await page.goto('/outcomes/returns')
      await new BasePage(page, 'Statutory returns').verifyOnPage()
      expect(await textOf(page.locator('main'))).toContain('No extracts have been taken in yet')
      await expectNoAxeViolations(page)

      await clickAndWait(page, page.getByRole('button', { name: 'Upload an extract' }))
      const upload = await new BasePage(page, 'Upload an extract').verifyOnPage()
      await expectNoAxeViolations(page)

      // Sent empty, the form says what is missing, next to each field.
      await clickAndWait(page, page.getByRole('button', { name: 'Upload and check' }))
      await upload.verifyOnPage()
      expect(await upload.errorSummary()).toEqual([
        'Select which return the extract is',
        'Enter the collection year, like 2023-24',
        'Select the extract to upload',
      ])
      expect(await upload.fieldError('year')).toBe('Enter the collection year, like 2023-24')
      expect(await upload.fieldError('file')).toBe('Select the extract to upload')
      await expectNoAxeViolations(page)

      await uploadExtract(page, 'Children in need census', files.cin)
      await new BasePage(page, `Children in need census ${YEAR}`).verifyOnPage()
      expect(await bannerOf(page)).toContain('Extract taken in')
      const report = await textOf(page.locator('main'))
      expect(report).toContain(SYNTH_FILES.cin)
      expect(report).toContain('Every record passed the rules checked')
      const kept = page.getByRole('table', { name: 'Rows kept, by table' })
      expect(await textOf(kept)).toMatch(/cin_referrals \d/)
      // The children's own ids are nowhere on the report.
      expect(await page.content()).not.toMatch(/SYN\d{7}/)
      await expectNoAxeViolations(page)

      await clickAndWait(page, page.getByRole('link', { name: 'Back' }))
      await clickAndWait(page, page.getByRole('button', { name: 'Upload an extract' }))
      await uploadExtract(page, 'SSDA903 (children looked after)', files.zip903)
      await new BasePage(page, `SSDA903 (children looked after) ${YEAR}`).verifyOnPage()
      expect(await bannerOf(page)).toContain('Extract taken in')
      expect(await textOf(page.locator('main'))).toContain('ssda903.zip')

      await clickAndWait(page, page.getByRole('link', { name: 'Back' }))
      await new BasePage(page, 'Statutory returns').verifyOnPage()
      const extracts = page.getByRole('table', { name: 'Extracts taken in, newest first' })
      expect(await extracts.getByRole('row').count()).toBe(3) // the header and the two extracts
      await expectNoAxeViolations(page)

      // Without the year's population a rate cannot be worked out, and the review page says why.
      const first = await computeIndicators(page)
      const s47Row = () => page.locator('#computed tbody tr').filter({ hasText: S47 })
      expect(await textOf(s47Row())).toContain('No population of children for 2024')
      await first.verifyOnPage()

      await page.goto('/outcomes/populations')
      await new BasePage(page, 'Population of children').verifyOnPage()
      await page.getByLabel('Year', { exact: true }).fill('2024')
      await page.getByLabel('Children aged 0 to 17').fill('30,000')
      await page.getByLabel('Source (optional)').fill('Test estimate')
      await clickAndWait(page, page.getByRole('button', { name: 'Save population' }))
      const populations = page.getByRole('table', { name: 'Children aged 0 to 17, by year' })
      expect(await textOf(populations.getByRole('row').filter({ hasText: '2024' }))).toContain('30,000')

      await computeIndicators(page)
      expect(await bannerOf(page)).toContain(`Indicators computed for ${YEAR}`)
      expect(await textOf(s47Row())).not.toContain('No population of children')
      await expectNoAxeViolations(page)

      // The rate goes to OF3.1; a percentage built on 1 to 5 children goes to a percentage indicator.
      const cellsOf = async (row: Locator) => (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim())
      const [, s47Numerator, , , s47Shown] = await cellsOf(s47Row())
      expect(Number(s47Numerator.replace(/,/g, ''))).toBeGreaterThan(5)
      expect(s47Shown).not.toBe('c')
      await page.getByLabel(`Framework indicator for ${S47}`).selectOption('OF3.1')

      let small: { label: string; shown: string } | undefined
      for (const row of await page.locator('#computed tbody tr').all()) {
        const cells = await cellsOf(row)
        const numerator = Number(cells[1].replace(/,/g, ''))
        const isPercentage = cells[0].includes('(percentage)')
        if (!isPercentage || numerator < 1 || numerator > 5 || (await row.locator('select').count()) === 0) continue
        small = { label: await textOf(row.locator('label')), shown: cells[4] }
        break
      }
      expect(small, 'a percentage whose numerator is from 1 to 5 (seed 7, 400 children)').toBeDefined()
      expect(small!.shown).toBe('c')
      await page.getByLabel(small!.label, { exact: true }).selectOption('OF4.1')

      await clickAndWait(page, page.getByRole('button', { name: 'Publish to the framework' }))
      await new BasePage(page, `Indicators computed for ${YEAR}`).verifyOnPage()
      expect(await bannerOf(page)).toContain('2 values published to the framework')
      expect(await textOf(page.locator('.govuk-inset-text'))).toMatch(/^Published to the framework /)
      expect(await page.getByRole('button', { name: 'Publish to the framework' }).count()).toBe(0)
      await expectNoAxeViolations(page)

      // A councillor sees the published values in March 2024, with where they came from.
      const member = await e2e.newPage('member')
      await member.goto('/outcomes/OF3.1')
      const rate = member.locator('#period-2024-03')
      const rateText = await textOf(rate)
      expect(rateText).toContain('Computed from the statutory returns')
      expect(rateText).toContain(s47Shown)
      await expectNoAxeViolations(member)

      await member.goto('/outcomes/OF4.1')
      const actual = member.locator('#period-2024-03').getByRole('cell').nth(1)
      expect(await textOf(actual)).toMatch(/^c Computed from the statutory returns/)
      await expectNoAxeViolations(member)
    })

    test('an admin grants an analyst child-level data, who then reads which records fail, by pseudonym', async () => {
      // A census with one referral closed without a reason (DfE rule 8805).
      const census = await readFile(files.cin, 'utf8')
      const failing = join(folder, 'census-with-a-failure.xml')
      await writeFile(failing, census.replace(/<ReasonForClosure>[^<]*<\/ReasonForClosure>/, ''))
      const analyst = await e2e.newPage('analyst')
      await analyst.goto('/outcomes/returns/upload')
      await uploadExtract(analyst, 'Children in need census', failing)
      await new BasePage(analyst, `Children in need census ${YEAR}`).verifyOnPage()
      expect(await textOf(analyst.locator('#failures-by-rule'))).toContain('8805')
      const failuresLink = analyst.getByRole('link', { name: 'See which records fail, child by child' })
      const failuresPath = new URL((await failuresLink.getAttribute('href'))!, analyst.url()).pathname

      // Not yet granted: the list is refused.
      const refused = await analyst.goto(failuresPath)
      expect(refused?.status()).toBe(403)

      const admin = await e2e.newPage('admin')
      await admin.goto('/admin/accounts')
      await clickAndWait(admin, admin.getByRole('link', { name: 'Demo analyst' }))
      await clickAndWait(admin, admin.getByRole('link', { name: 'Change child-level data' }))
      await new BasePage(admin, 'Can Demo analyst read child-level data?').verifyOnPage()
      await expectNoAxeViolations(admin)
      await admin.getByLabel('Yes').check()
      await clickAndWait(admin, admin.getByRole('button', { name: /Save|Continue/ }))
      expect(await textOf(admin.locator('main'))).toContain('Granted')

      await analyst.goto(failuresPath)
      await new BasePage(analyst, 'Records failing validation').verifyOnPage()
      const rows = analyst.locator('#failures tbody tr')
      expect(await rows.count()).toBe(1)
      expect(await textOf(rows.first())).toMatch(/^[0-9a-f]{12} cin_referrals \d+ closure_reason 8805: /)
      expect(await analyst.content()).not.toMatch(/SYN\d{7}/)
      await expectNoAxeViolations(analyst)
    })
  },
  () => startE2EServer({ pseudonymKey: TEST_PSEUDONYM_KEY }),
)
