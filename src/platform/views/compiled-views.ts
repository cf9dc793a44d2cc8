import { isAscii } from 'node:buffer'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, posix, sep } from 'node:path'
import nunjucks from 'nunjucks'
import { oneByteTemplate } from './one-byte.ts'

/**
 * Templates compiled when Oversight is built, so that a start does not lex, parse and compile each
 * template again on the first page that uses it (a tenth of a second or more on the first page). The
 * build writes them beside the templates it copies (scripts/build.mjs); run from src/ there are none,
 * and templates are compiled as they are first used, as Nunjucks does by itself.
 */
export const COMPILED_VIEWS_FILE = 'compiled-views.json'

/** A template's compiled code (Nunjucks' own, the body of a function returning its blocks), by name. */
export type CompiledViews = Record<string, string>

/**
 * Every template under `roots`, named as the app names them (relative to its root, with `/`), compiled
 * with `env`'s options. A name found under two roots is the first root's, as the loader finds it.
 */
export function compileViews(roots: string[], env: nunjucks.Environment): CompiledViews {
  const compiled: CompiledViews = {}
  for (const root of roots) {
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!file.endsWith('.njk')) continue
      const name = file.split(sep).join('/')
      if (name in compiled) continue
      compiled[name] = nunjucks.precompileString(oneByteTemplate(readFileSync(join(root, file), 'utf8')), {
        name,
        env,
        // Nunjucks passes the wrapper a list of one (its types say one, not a list); its code alone is kept.
        wrapper: (templates) => (templates as unknown as [{ template: string }])[0].template,
      })
    }
  }
  return compiled
}

/**
 * The compiled templates as the build writes them: JSON with every character beyond ASCII escaped, so
 * that a start reads its 2.5 MB as it lies, a byte a character, rather than decoding UTF-8 into text of
 * two bytes a character and parsing that (about 40 ms of each start).
 */
export function compiledViewsJson(compiled: CompiledViews): string {
  return JSON.stringify(compiled).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** The build's compiled templates in `folder`, if there are any. */
export function readCompiledViews(folder: string): CompiledViews | undefined {
  const file = join(folder, COMPILED_VIEWS_FILE)
  if (!existsSync(file)) return undefined
  const bytes = readFileSync(file)
  return JSON.parse(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')) as CompiledViews
}

/**
 * A Nunjucks loader that gives a template's compiled code, made into its functions the first time
 * it is asked for (Nunjucks keeps the template thereafter); a name it does not have is left to the
 * loaders after it.
 */
export function compiledViewsLoader(compiled: CompiledViews) {
  return {
    cache: {} as Record<string, unknown>,
    // GOV.UK's templates import each other by relative paths ("../../macros/attributes.njk").
    isRelative: (name: string) => name.startsWith('./') || name.startsWith('../'),
    resolve: (from: string, to: string) => posix.join(posix.dirname(from), to),
    getSource(name: string) {
      const code = Object.hasOwn(compiled, name) ? compiled[name] : undefined
      if (code === undefined) return null
      // Nunjucks makes each template it compiles into functions the same way (Template._compile).
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code the build compiled
      const blocks = (new Function(code) as () => unknown)()
      return { src: { type: 'code', obj: blocks }, path: name, noCache: false }
    },
  }
}
