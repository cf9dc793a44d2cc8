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

/** One control of a form, as a browser would see it. */
export interface FormControl {
  name: string
  id: string
  /** 'numeric' or 'decimal' on number fields that are text inputs, as GOV.UK's are. */
  inputmode: string
  /** 'text', 'date', 'radio', 'checkbox', 'hidden', 'file', 'submit', 'textarea', 'select', … */
  type: string
  value: string
  checked: boolean
  /** The option values of a select. */
  options: string[]
}

export interface PageForm {
  method: 'get' | 'post'
  /** The action as written; null when the form posts back to its own page. */
  action: string | null
  enctype: string
  controls: FormControl[]
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of tag.matchAll(/([a-zA-Z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    found[match[1].toLowerCase()] = decode(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return found
}

const named = (attrs: Record<string, string>) => ({
  name: attrs.name,
  id: attrs.id ?? '',
  inputmode: attrs.inputmode ?? '',
})

/**
 * The forms on a page and their named controls (inputs, buttons, textareas, selects), read with
 * regular expressions: enough for the markup the app's own templates write.
 */
export function forms(html: string): PageForm[] {
  const result: PageForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const form = attributes(match[1])
    const inner = match[2]
    const controls: FormControl[] = []
    const pattern =
      /<(input|button)\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g
    for (const control of inner.matchAll(pattern)) {
      if (control[1]) {
        const attrs = attributes(control[2])
        if (!attrs.name) continue
        const type = attrs.type ?? (control[1] === 'button' ? 'submit' : 'text')
        controls.push({ ...named(attrs), type, value: attrs.value ?? '', checked: 'checked' in attrs, options: [] })
      } else if (control[3] !== undefined) {
        const attrs = attributes(control[3])
        if (attrs.name)
          controls.push({ ...named(attrs), type: 'textarea', value: decode(control[4]), checked: false, options: [] })
      } else {
        const attrs = attributes(control[5])
        if (!attrs.name) continue
        const options = [...control[6].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((option) => ({
          attrs: attributes(option[1]),
          label: decode(option[2].trim()),
        }))
        const selected = options.find((option) => 'selected' in option.attrs) ?? options[0]
        const valueOf = (option: (typeof options)[number]) => option.attrs.value ?? option.label
        controls.push({
          ...named(attrs),
          type: 'select',
          value: selected ? valueOf(selected) : '',
          checked: false,
          options: options.map(valueOf),
        })
      }
    }
    result.push({
      method: form.method?.toLowerCase() === 'post' ? 'post' : 'get',
      action: form.action ?? null,
      enctype: form.enctype ?? 'application/x-www-form-urlencoded',
      controls,
    })
  }
  return result
}

/** Every link's address on a page. */
export function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)].map((match) => decode(match[1]))
}

/**
 * The fields the form posting to `action` would send as it stands, as a browser would send them:
 * text and hidden inputs (the CSRF token aside), checked radios and checkboxes, the selected
 * option and textareas. Throws when the page has no such form.
 */
export function formFields(html: string, action: string): Record<string, string | string[]> {
  const form = forms(html).find((candidate) => candidate.action === action)
  if (!form) throw new Error(`No form posts to ${action}`)
  const fields: Record<string, string | string[]> = {}
  for (const control of form.controls) {
    if (control.name === '_csrf' || control.type === 'file' || control.type === 'submit') continue
    if ((control.type === 'radio' || control.type === 'checkbox') && !control.checked) continue
    const had = fields[control.name]
    fields[control.name] = had === undefined ? control.value : [...(Array.isArray(had) ? had : [had]), control.value]
  }
  return fields
}
