import type * as Cheerio from 'cheerio'
import { createRequire } from 'node:module'

let cheerio: typeof Cheerio | undefined

/**
 * An item's minutes as the service gives them (HTML) as the plain text the record keeps: one paragraph per
 * block, separated by a blank line, entities decoded, no markup carried over.
 */
export function minutesText(html: string): string {
  if (!html.trim()) return ''
  const marked = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h[1-6]|tr|table|ul|ol)>/gi, '$&\n\n')
  // Loaded on first use: cheerio costs half a second to load, which start-up need not pay for an import.
  cheerio ??= createRequire(import.meta.url)('cheerio') as typeof Cheerio
  const text = cheerio.load(marked, null, false).root().text()
  return text
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n')
}
