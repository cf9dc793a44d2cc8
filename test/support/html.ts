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

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
}
const decode = (value: string) => value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity])

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const [, name, value] of tag.matchAll(/\s([a-zA-Z_:][-\w:.]*)(?:="([^"]*)")?/g)) {
    found[name] = decode(value ?? '')
  }
  return found
}

/**
 * The fields the form posting to `action` would send as it stands, as a browser would read them:
 * text inputs and hidden ones (the CSRF token aside), checked radios and checkboxes, selected
 * options and textareas. Throws when the page has no such form.
 */
export function formFields(html: string, action: string): Record<string, string | string[]> {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
  const form = forms.find(([, tag]) => attributes(tag).action === action)
  if (!form) throw new Error(`No form posts to ${action}`)
  const fields: Record<string, string | string[]> = {}
  const add = (name: string | undefined, value: string) => {
    if (!name || name === '_csrf') return
    const had = fields[name]
    fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value]
  }
  const body = form[2]
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const input = attributes(tag)
    if ((input.type === 'radio' || input.type === 'checkbox') && !('checked' in input)) continue
    if (input.type === 'file' || input.type === 'submit') continue
    add(input.name, input.value ?? '')
  }
  for (const [, tag, content] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    add(attributes(tag).name, decode(content))
  }
  for (const [, tag, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const selected = [...options.matchAll(/<option\b([^>]*)>/g)]
      .map(([, option]) => attributes(option))
      .find((option) => 'selected' in option)
    add(attributes(tag).name, selected?.value ?? '')
  }
  return fields
}
