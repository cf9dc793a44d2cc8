import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result, RunOptions } from 'axe-core'
import type { BrowserContext, Page } from 'playwright-core'

/** WCAG 2.2 A and AA (architecture.md, Budgets): axe's tags for every level up to 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** axe-core's minified build: the same rules in half the script for each page to compile. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * Puts axe into every page `context` opens, as the page starts: for a context that scans page after
 * page. The renderer then reuses the script it compiled for the last page, and a load takes about
 * 20 ms longer, where putting axe in after each load took 250 ms (a third of a scan).
 */
export async function loadAxeIntoEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE })
}

/**
 * Scans the page as it is now and fails with every violation and where it is when there are any.
 * No rule is turned off and no finding is let through: a page passes only with none at all.
 */
export async function expectNoAxeViolations(page: Page) {
  // axe runs in the page itself (our pages have no frames). Its script goes in once per page, here
  // unless loadAxeIntoEveryPage put it in as the page started: compiling it is a third of a scan,
  // and @axe-core/playwright put it in twice.
  type Axe = { run(context: Document, options: RunOptions): Promise<AxeResults> }
  const loaded = await page.evaluate(() => typeof (window as { axe?: Axe }).axe === 'object')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const violations: Result[] = await page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: Axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      // Every violation with every node; the passes are not read, and naming each of their nodes
      // took a tenth of a scan.
      resultTypes: ['violations'],
    })
    return results.violations
  }, WCAG_TAGS)
  if (violations.length === 0) return
  const report = violations.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 5)
      .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
      .join('\n')
    const more = violation.nodes.length > 5 ? `\n    …and ${violation.nodes.length - 5} more` : ''
    return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`
  })
  throw new Error(`${violations.length} axe violation(s) on ${page.url()}:\n${report.join('\n')}`)
}
