import { type Cheerio, type CheerioAPI, load } from 'cheerio'

/**
 * Readers for rendered pages, through an HTML parser (cheerio), so tests assert what a user would
 * see by the page's structure rather than by patterns over its markup.
 */

type Document = ReturnType<CheerioAPI['root']> extends Cheerio<infer T> ? T : never
type AnyNode = Document | Document['children'][number]

/** A page or a fragment of one, parsed. */
export function parse(html: string): CheerioAPI {
  return load(html, null, /^\s*(<!doctype|<html)/i.test(html))
}

/** DOM node types, as domhandler numbers them. */
const ELEMENT = 1
const TEXT = 3
const DOCUMENT = 9

/** The text of nodes as a reader meets it: each element's edges count as a space, scripts are skipped. */
function textOf(nodes: Cheerio<AnyNode>): string {
  let out = ''
  const visit = (node: AnyNode) => {
    if (node.nodeType === TEXT && 'data' in node) out += node.data
    else if ((node.nodeType === ELEMENT || node.nodeType === DOCUMENT) && 'children' in node) {
      out += ' '
      const skipped = 'name' in node && (node.name === 'script' || node.name === 'style')
      if (!skipped) for (const child of node.children) visit(child)
      out += ' '
    }
  }
  nodes.each((_, node) => visit(node))
  return out.replace(/\s+/g, ' ').trim()
}

/** The text of whatever matches `selector` (the first match), or '' when nothing does. */
export function textAt(html: string, selector: string): string {
  const $ = parse(html)
  return textOf($(selector).first())
}

/** The text of the first <h1>, whitespace folded. */
export function heading(html: string): string {
  return textAt(html, 'h1')
}

/** The page's visible text (scripts aside), entities decoded, each tag's edges a space, whitespace folded. */
export function text(html: string): string {
  const $ = parse(html)
  return textOf($.root())
}

/** The page's <title>. */
export function title(html: string): string {
  return textAt(html, 'title')
}

/** The messages in the GOV.UK error summary. */
export function errorSummary(html: string): string[] {
  const $ = parse(html)
  return $('.govuk-error-summary ul a')
    .toArray()
    .map((link) => textOf($(link)))
}

/**
 * The error message beside the field with id `id` (GOV.UK's `<id>-error`), as a screen reader reads
 * it: with its visually hidden "Error:" first. Null when the field has none.
 */
export function fieldError(html: string, id: string): string | null {
  const $ = parse(html)
  const message = $(`[id="${id}-error"]`)
  return message.length ? textOf(message) : null
}

/**
 * A table's rows as the text of their cells (header rows included): the first table matching a
 * selector (any table by default), or the first whose caption contains `{ caption }`.
 */
export function table(html: string, which: string | { caption: string } = 'table'): string[][] {
  const $ = parse(html)
  const found =
    typeof which === 'string'
      ? $(which).first()
      : $('table')
          .filter((_, element) => textOf($(element).children('caption')).includes(which.caption))
          .first()
  return found
    .find('tr')
    .toArray()
    .map((row) =>
      $(row)
        .children('th, td')
        .toArray()
        .map((cell) => textOf($(cell))),
    )
}

/**
 * The part of a page under the heading (h2 or h3) whose text starts with `title`, up to the next
 * heading of that level, as HTML for the other readers; '' when there is no such heading.
 */
export function section(html: string, title: string): string {
  const $ = parse(html)
  const start = $('h2, h3')
    .filter((_, element) => textOf($(element)).startsWith(title))
    .first()
  if (!start.length) return ''
  const level = start.prop('tagName')!.toLowerCase()
  return $.html(start.add(start.nextUntil(level)))
}

/** A GOV.UK summary list's rows as key → value text, for the first list matching `selector`. */
export function summaryList(html: string, selector = '.govuk-summary-list'): Record<string, string> {
  const $ = parse(html)
  const rows: Record<string, string> = {}
  for (const row of $(selector).first().find('.govuk-summary-list__row').toArray()) {
    rows[textOf($(row).children('.govuk-summary-list__key'))] = textOf($(row).children('.govuk-summary-list__value'))
  }
  return rows
}

/** The text of every GOV.UK tag (status badges, RAG ratings) within `selector`, in page order. */
export function tags(html: string, selector = 'body'): string[] {
  const $ = parse(html)
  const scope = $(selector).length ? $(selector) : $.root()
  return scope
    .find('.govuk-tag')
    .toArray()
    .map((tag) => textOf($(tag)))
}

/** One link: where it goes and what it says. */
export interface PageLink {
  href: string
  text: string
}

/** The text of every element matching `selector`, in page order. */
export function texts(html: string, selector: string): string[] {
  const $ = parse(html)
  return $(selector)
    .toArray()
    .map((element) => textOf($(element)))
}

/** Every link on a page (within `selector` if given), with its text. */
export function anchors(html: string, selector?: string): PageLink[] {
  const $ = parse(html)
  const scope = selector ? $(selector).find('a[href]') : $('a[href]')
  return scope.toArray().map((link) => ({ href: $(link).attr('href') ?? '', text: textOf($(link)) }))
}

/** Every link's address on a page. */
export function links(html: string): string[] {
  return anchors(html).map((link) => link.href)
}

/** The address of the first link whose text contains `linkText`, or undefined. */
export function linkTo(html: string, linkText: string): string | undefined {
  return anchors(html).find((link) => link.text.includes(linkText))?.href
}

/** The options of the select named `name` in the form posting to `action`, with their text. */
export function choices(html: string, action: string, name: string): { value: string; text: string }[] {
  const form = forms(html).find((candidate) => candidate.action === action)
  if (!form) throw new Error(`No form posts to ${action}`)
  return form.controls.find((control) => control.name === name)?.choices ?? []
}

/** The value of an attribute on the first element matching `selector`, or undefined. */
export function attribute(html: string, selector: string, name: string): string | undefined {
  return parse(html)(selector).first().attr(name)
}

/** How many elements match `selector`. */
export function count(html: string, selector: string): number {
  return parse(html)(selector).length
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
  /** The options of a select, with their text. */
  choices: { value: string; text: string }[]
}

export interface PageForm {
  method: 'get' | 'post'
  /** The action as written; null when the form posts back to its own page. */
  action: string | null
  enctype: string
  controls: FormControl[]
}

/** The forms on a page and their named controls (inputs, buttons, textareas, selects), in order. */
export function forms(html: string): PageForm[] {
  const $ = parse(html)
  return $('form')
    .toArray()
    .map((form) => {
      const controls: FormControl[] = []
      for (const element of $(form).find('input, button, textarea, select').toArray()) {
        const control = $(element)
        const name = control.attr('name')
        if (!name) continue
        const common = { name, id: control.attr('id') ?? '', inputmode: control.attr('inputmode') ?? '' }
        if (element.tagName === 'textarea') {
          controls.push({
            ...common,
            type: 'textarea',
            value: control.text(),
            checked: false,
            options: [],
            choices: [],
          })
        } else if (element.tagName === 'select') {
          const options = control.find('option').toArray()
          const valueOf = (option: (typeof options)[number]) => $(option).attr('value') ?? $(option).text().trim()
          const selected = options.find((option) => $(option).attr('selected') !== undefined) ?? options[0]
          controls.push({
            ...common,
            type: 'select',
            value: selected ? valueOf(selected) : '',
            checked: false,
            options: options.map(valueOf),
            choices: options.map((option) => ({ value: valueOf(option), text: textOf($(option)) })),
          })
        } else {
          const type = control.attr('type') ?? (element.tagName === 'button' ? 'submit' : 'text')
          const checked = control.attr('checked') !== undefined
          controls.push({ ...common, type, value: control.attr('value') ?? '', checked, options: [], choices: [] })
        }
      }
      return {
        method: $(form).attr('method')?.toLowerCase() === 'post' ? ('post' as const) : ('get' as const),
        action: $(form).attr('action') ?? null,
        enctype: $(form).attr('enctype') ?? 'application/x-www-form-urlencoded',
        controls,
      }
    })
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

/** What a save's redirect leads to says ("Meeting updated"): the success banner's text, or '' when there is none. */
export function confirmation(html: string): string {
  return textAt(html, '.govuk-notification-banner--success .govuk-notification-banner__heading')
}
