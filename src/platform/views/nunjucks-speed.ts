import nunjucks from 'nunjucks'
import { escapeOneByte, oneByteTemplate } from './one-byte.ts'

/**
 * Three of Nunjucks' own steps that a page repeats hundreds of times, made once (ADR 28), and its
 * output written as one-byte text (ADR 30). A GOV.UK
 * component is a macro that includes its template, which imports the attributes macro: every call
 * resolves two relative names, runs the attributes file to collect its macros, and sets each argument
 * in a frame. Measured on GOV.UK's select, a page's layout and a tag, the three together make a
 * component a third to a half quicker; what each page says is unchanged.
 *
 * They change Nunjucks 3.2.4's runtime in place. nunjucks-speed.test.ts checks the version and each
 * behaviour, so an upgrade that changes what they rely on fails there first.
 */
export const NUNJUCKS_VERSION = '3.2.4'

type ExportedCallback = (error: Error | null, exported: unknown) => void
// Properties rather than methods: each is taken from the prototype and called with its own `this`.
interface Exporting {
  getExported: (this: Exporting, ctx: unknown, parentFrame?: unknown, cb?: unknown) => void
  exportedAlone?: unknown
}
interface Frame {
  variables: Record<string, unknown>
  set: (this: Frame, name: string, value: unknown, resolveUp?: boolean) => void
  resolve: (this: Frame, name: string, forWrite: boolean) => Frame | undefined
}

interface Initialising {
  init: (this: Initialising, source: unknown, ...rest: unknown[]) => unknown
}

let patched = false

/** Makes the changes, once for the process (every environment shares Nunjucks' runtime). */
export function renderFaster(): void {
  if (patched) return
  patched = true
  collectExportsOnce()
  splitNamesOnce()
  writeOneByte()
}

/**
 * Pages written as one-byte text (one-byte.ts, ADR 30): a value escaped for the page, and the text of a
 * template given as source (rather than compiled by the build, which does the same to it), write the
 * characters beyond Latin-1 as references. Escaping is otherwise Nunjucks' own, character for character.
 */
function writeOneByte() {
  const lib = (nunjucks as unknown as { lib: { escape: (value: string) => string } }).lib
  const escapes: Record<string, string> = {
    '&': '&amp;',
    '"': '&quot;',
    "'": '&#39;',
    '<': '&lt;',
    '>': '&gt;',
    '\\': '&#92;',
  }
  const pattern = /[&"'<>\\]|[^\x00-\xff]/gu
  lib.escape = (value: string) => escapeOneByte(value, pattern, escapes)
  const template = (nunjucks.Template as unknown as { prototype: Initialising }).prototype
  const init = template.init
  template.init = function (this: Initialising, source: unknown, ...rest: unknown[]) {
    return init.call(this, typeof source === 'string' ? oneByteTemplate(source) : source, ...rest)
  }
}

/**
 * A template imported without the importer's context (`{% from "x.njk" import y %}`, as every GOV.UK
 * component imports its attributes macro at every call) is run by Nunjucks at every import just to
 * collect the macros it defines. Those are the same every time: a macro sees only its arguments, the
 * globals and a frame of its own. So a template's exports are collected the first time and kept with
 * it (Nunjucks keeps each template once loaded). An import "with context" still runs every time.
 */
function collectExportsOnce() {
  const template = (nunjucks.Template as unknown as { prototype: Exporting }).prototype
  const getExported = template.getExported
  template.getExported = function (this: Exporting, ctx: unknown, parentFrame?: unknown, cb?: unknown) {
    // Only the form the compiler writes for an import without context: getExported(callback).
    if (typeof ctx !== 'function' || parentFrame !== undefined || cb !== undefined)
      return getExported.call(this, ctx, parentFrame, cb)
    const done = ctx as ExportedCallback
    if (this.exportedAlone) return done(null, this.exportedAlone)
    getExported.call(this, (error: Error | null, exported: unknown) => {
      if (!error) this.exportedAlone = exported
      done(error, exported)
    })
  }
}

/**
 * Nunjucks sets every variable, argument and loop variable (`loop.index`, `loop.first` and the rest at
 * every turn of every loop) by splitting its name at dots. The names are the templates' own, so each is
 * split once and the parts kept; the variable is then set exactly as Nunjucks sets it.
 */
function splitNamesOnce() {
  const frame = (nunjucks.runtime as unknown as { Frame: { prototype: Frame } }).Frame.prototype
  const partsOf = new Map<string, string[]>()
  frame.set = function (this: Frame, name: string, value: unknown, resolveUp?: boolean) {
    let parts = partsOf.get(name)
    if (!parts) {
      parts = name.split('.')
      // A bound, should a name ever come from elsewhere than a template.
      if (partsOf.size < 10_000) partsOf.set(name, parts)
    }
    // As Nunjucks: with resolveUp, in the frame that has the first part already, if one does; else here.
    const owner = (resolveUp && this.resolve(parts[0], true)) || this
    let scope = owner.variables
    for (let at = 0; at < parts.length - 1; at++) {
      if (!scope[parts[at]]) scope[parts[at]] = {}
      scope = scope[parts[at]] as Record<string, unknown>
    }
    scope[parts[parts.length - 1]] = value
  }
}

export type ResolvingLoader = { resolve?: (from: string, to: string) => string }

/**
 * Nunjucks resolves a relative name (GOV.UK's macros include "./template.njk") at every include and
 * import it renders: each pair is resolved once. The pairs are the templates' own, so they are few.
 */
export function rememberResolved(loader: ResolvingLoader): void {
  const resolve = loader.resolve?.bind(loader)
  if (!resolve) return
  const resolved = new Map<string, string>()
  loader.resolve = (from, to) => {
    const key = `${from}\n${to}`
    let name = resolved.get(key)
    if (name === undefined) {
      name = resolve(from, to)
      resolved.set(key, name)
    }
    return name
  }
}
