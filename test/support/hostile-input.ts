import type { FormControl, PageForm } from './html.ts'

/**
 * The fixed hostile values the fuzz test (src/every-route-fuzz.test.ts) sends, and how it fills in
 * a form around them. Fixed rather than random, so a failure repeats and names its value.
 */

/**
 * Path parameter values, already URL-encoded, each tried in one parameter at a time: what a route
 * makes of a value it reads.
 */
export const PATH_VALUES = [
  '%27..%2F%E2%98%83', // a quote, a way up and a snowman: a string no record is named by
  '99999999999999999999', // beyond any integer column
  '-1',
]

/**
 * Path values refused before any route reads them, by the router or the app's guards: tried in
 * every parameter at once.
 */
export const ADDRESS_VALUES = [
  '%00',
  'x'.repeat(10_240),
  '%FF', // not UTF-8
]

/**
 * Query parameters any route might be sent, whether or not it reads them, each request giving every
 * one of them a value (already URL-encoded; a list is the parameter given more than once).
 */
export const GENERIC_QUERIES: Record<string, string | string[]>[] = [
  {
    page: '99999999999999999999',
    from: '2024-02-30',
    to: '9999-12-31',
    format: 'pdf',
    q: "'",
    returnTo: '%2F%5Cevil.example',
  },
  {
    page: ['1', '2'],
    from: ['2024-01-01', '2024-01-02'],
    to: ['0000-00-00', '2024-13-01'],
    format: ['csv', 'xlsx'],
    q: ['a', 'b'],
    returnTo: ['/', '/'],
  },
]

/**
 * Values for each query parameter a route is known to read, already URL-encoded; a list is the
 * parameter given more than once.
 */
export const QUERY_VALUES: (string | string[])[] = [
  '%00',
  '2024-02-30',
  '9999-12-31',
  '0000-00-00',
  '2024-13',
  '99999999999999999999',
  '1e309',
  "'",
  ['1', '2'],
]

/** The kinds of form field, by what a hostile value does to each. */
export type FieldKind = 'text' | 'number' | 'day' | 'month' | 'year' | 'date' | 'choice'

/**
 * Values for every field of a form at once: they fail before any field's own rules could, or pass
 * every one. The first two, a NUL byte and a field sent twice, are the ones every role sends.
 */
export const ANY_FIELD_VALUES: (string | string[])[] = ['nul\u0000byte', ['one', 'two'], 'bell\u0007', '☃ ünïcödé']

/** Values for one kind of field, the others filled in sensibly, so the value reaches the database. */
export const FIELD_VALUES: Record<FieldKind, string[]> = {
  text: ['x'.repeat(100_000)],
  number: ['2147483648', '1e309', '-1'],
  day: ['0', '32'],
  month: ['13'],
  year: ['0'],
  date: ['2024-02-30'],
  choice: ["'", '2147483648'],
}

/** What kind of field a control is; null for the CSRF token, file inputs and buttons. */
export function fieldKind(control: FormControl): FieldKind | null {
  if (control.name === '_csrf' || ['file', 'submit', 'button', 'reset', 'image'].includes(control.type)) return null
  const part = /-(day|month|year)$/.exec(control.name)?.[1] as FieldKind | undefined
  if (part) return part
  if (control.type === 'date') return 'date'
  if (control.type === 'number' || control.inputmode === 'numeric' || control.inputmode === 'decimal') return 'number'
  if (['radio', 'checkbox', 'select', 'hidden'].includes(control.type)) return 'choice'
  return 'text'
}

export type FormValues = Record<string, string | string[]>

/**
 * The form as a browser submits it, with blank boxes filled in the way a hurried user might (a
 * first option, a date, a word), so that a hostile value in one field is not refused only
 * because another was left empty.
 */
export function filledForm(form: PageForm): FormValues {
  const values: FormValues = {}
  const add = (name: string, value: string) => {
    const had = values[name]
    values[name] = had === undefined ? value : [had, value].flat()
  }
  const chosen = new Set(form.controls.filter((c) => c.type === 'radio' && c.checked).map((c) => c.name))
  for (const control of form.controls) {
    const kind = fieldKind(control)
    if (!kind) continue
    if (control.type === 'radio') {
      const first = !chosen.has(control.name) && values[control.name] === undefined
      if (control.checked || first) values[control.name] = control.value
    } else if (control.type === 'checkbox') {
      if (control.checked) add(control.name, control.value)
    } else if (control.type === 'select') {
      values[control.name] = control.value || (control.options.find((option) => option !== '') ?? '')
    } else {
      values[control.name] = control.value || blankFilled(control, kind)
    }
  }
  return values
}

function blankFilled(control: FormControl, kind: FieldKind): string {
  if (kind === 'day') return '1'
  if (kind === 'month') return '2'
  if (kind === 'year' || /year$/i.test(control.name)) return '2024'
  if (kind === 'date') return '2024-02-01'
  if (kind === 'number') return '1'
  if (control.type === 'email') return 'fuzz@example.org'
  if (control.type === 'password') return 'a long enough passphrase for the fuzz'
  if (/time|At$/i.test(control.name)) return '10:00'
  if (kind === 'choice') return ''
  return 'Fuzz'
}

/**
 * The fields a refused form says are wrong, from its error summary's links: a link to one part
 * of a date counts for the whole date.
 */
export function rejectedFields(html: string, form: PageForm): Set<string> {
  const rejected = new Set<string>()
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? ''
  const group = (name: string) => name.replace(/-(day|month|year)$/, '')
  for (const [, target] of summary.matchAll(/href="#([^"]+)"/g)) {
    for (const control of form.controls) {
      const named = control.id === target || control.name === target || group(control.name) === group(target)
      if (named) rejected.add(control.name)
    }
  }
  return rejected
}
