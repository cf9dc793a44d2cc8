/** Small readers for rendered pages, so tests assert what a user would see. */

/** The text of the first <h1>, tags stripped and whitespace folded. */
export function heading(html: string): string {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)
  return match ? text(match[1]) : ''
}

/** Visible-ish text: tags removed, entities for quotes and ampersands decoded, whitespace folded. */
export function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;|&rsquo;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The messages in the GOV.UK error summary. */
export function errorSummary(html: string): string[] {
  const block = /<div class="govuk-error-summary"[\s\S]*?<ul[^>]*>([\s\S]*?)<\/ul>/.exec(html)
  if (!block) return []
  return [...block[1].matchAll(/<a[^>]*>([\s\S]*?)<\/a>/g)].map((m) => text(m[1]))
}
