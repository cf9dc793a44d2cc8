import nunjucks from 'nunjucks'
import { escapeHtml } from '#src/platform/views/filters.ts'
import { asOneByte, characterReference } from '#src/platform/views/one-byte.ts'

/**
 * ts_headline marks matched words with these two characters (Unicode private use, so they do
 * not occur in the papers' text). The headline is plain text from the papers: it is escaped
 * whole first, and only then are the markers turned into <mark> elements.
 */
export const MATCH_START = '\uE000'
export const MATCH_END = '\uE001'

/** ts_headline's options: our markers, a couple of short fragments rather than the whole text. */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`

const marked = new RegExp(`${MATCH_START}([^${MATCH_START}${MATCH_END}]*)${MATCH_END}`, 'g')
const strayMarker = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g')

/** A headline from ts_headline → safe HTML: escaped text, matches in <mark>, whitespace folded. */
export function snippetHtml(headline: string | null | undefined): nunjucks.runtime.SafeString | null {
  const folded = (headline ?? '').replace(/\s+/g, ' ').trim()
  if (!folded.replace(strayMarker, '')) return null
  // Escaping writes the markers as references, as any character beyond Latin-1: put them back first.
  const escaped = escapeHtml(folded)
    .replaceAll(characterReference(MATCH_START), MATCH_START)
    .replaceAll(characterReference(MATCH_END), MATCH_END)
  const html = escaped.replace(marked, '<mark>$1</mark>').replace(strayMarker, '')
  // The markers were the headline's only characters beyond Latin-1 (the rest are references).
  return new nunjucks.runtime.SafeString(asOneByte(html))
}
