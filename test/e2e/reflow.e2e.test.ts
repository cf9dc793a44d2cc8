import { expect, test } from 'vitest'
import { BODY, JANUARY } from './support/every-page.ts'
import { e2eSuite, expectNoAxeViolations } from './support/index.ts'

/** The pages whose tables are wider than a phone: each must reflow at 320 CSS px (WCAG 1.4.10). */
const WIDE_TABLE_PAGES = [
  `/bodies/${BODY}/recommendations`,
  `/bodies/${BODY}/work-programme`,
  `/bodies/${BODY}/work-programme?view=table`,
  `/bodies/${BODY}/decisions`,
  '/decisions',
  '/forward-plan',
  '/waiting-lists',
  '/waiting-lists/speech-and-language-therapy',
  '/outcomes',
  '/improvement-plans/childrens-social-care-improvement-plan',
  '/improvement-plans/childrens-social-care-improvement-plan/since?from=2023-01-01',
  '/improvement-plans/childrens-social-care-improvement-plan/milestones',
]

e2eSuite('Reflow and print (issue 12)', (e2e) => {
  test('at 320 px wide no page scrolls sideways: a wide table scrolls in its own region, by keyboard too', async () => {
    const page = await e2e.newPage('scrutiny_officer')
    await page.setViewportSize({ width: 320, height: 640 })
    const overflowing: string[] = []
    for (const path of WIDE_TABLE_PAGES) {
      await page.goto(path)
      const { scroll, client, regions } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        regions: document.querySelectorAll('.app-table-scroll').length,
      }))
      expect(regions, path).toBeGreaterThan(0)
      if (scroll > client) overflowing.push(`${path} is ${scroll} px wide`)
    }
    expect(overflowing).toEqual([])

    // The tracker's region takes focus, and the arrow keys scroll it.
    await page.goto(`/bodies/${BODY}/recommendations`)
    const region = page.getByRole('region', { name: /^Recommendations of / })
    await region.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0)
    await expectNoAxeViolations(page)
  })

  test('printed, a link within the app does not print its address', async () => {
    const page = await e2e.newPage()
    await page.goto(JANUARY)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href]')).map((link) => ({
        href: link.getAttribute('href') ?? '',
        after: getComputedStyle(link, '::after').content,
      })),
    )
    const inApp = printed.filter((link) => link.href.startsWith('/'))
    expect(inApp.length).toBeGreaterThan(5)
    expect(inApp.filter((link) => link.after.includes('/'))).toEqual([])
  })
})
