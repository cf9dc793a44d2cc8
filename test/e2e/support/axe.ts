import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** WCAG 2.2 A and AA (architecture.md, Budgets): axe's tags for every level up to 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Scans the page as it is now and fails with every violation and where it is when there are any.
 * No rule is turned off and no finding is let through: a page passes only with none at all.
 */
export async function expectNoAxeViolations(page: Page) {
  // Legacy mode runs axe.run in the page itself. The default runs axe in every frame and then
  // opens a further blank page to merge the results, which costs about half a second a scan, and
  // our pages have no frames to merge.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze()
  if (results.violations.length === 0) return
  const report = results.violations.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 5)
      .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
      .join('\n')
    const more = violation.nodes.length > 5 ? `\n    …and ${violation.nodes.length - 5} more` : ''
    return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`
  })
  throw new Error(`${results.violations.length} axe violation(s) on ${page.url()}:\n${report.join('\n')}`)
}
