import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import view from '@fastify/view'
import type { FastifyInstance } from 'fastify'
import nunjucks from 'nunjucks'
import { RAG_TAGS } from './components/rag-tag.ts'
import { type CompiledViews, compileViews, compiledViewsLoader, readCompiledViews } from './compiled-views.ts'
import { registerFilters } from './filters.ts'
import { type ResolvingLoader, rememberResolved, renderFaster } from './nunjucks-speed.ts'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
export const srcDir = join(here, '..', '..')
export const govukFrontendDir = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist')
export const mojFrontendDir = dirname(require.resolve('@ministryofjustice/frontend/package.json'))

/** Where templates are found, in order: a name is looked for under each in turn. */
export const viewRoots = [srcDir, govukFrontendDir, mojFrontendDir]

/**
 * Nunjucks' options. Autoescape is on: user text reaches HTML only through the escaping filters. The
 * build compiles the templates with these same options (compiled-views.ts).
 */
export const viewOptions = { autoescape: true, trimBlocks: true, lstripBlocks: true }

renderFaster()

/** What every template can use beyond Nunjucks' own: the app's filters and the RAG tags' words and colours. */
export function configureEnvironment(env: nunjucks.Environment): void {
  registerFilters(env)
  env.addGlobal('ragTags', RAG_TAGS)
}

/**
 * Nunjucks through @fastify/view. Templates are named from src/ ("modules/bodies/views/show.njk",
 * "platform/views/layout.njk"); GOV.UK and MoJ macros as "govuk/…" and "moj/…". In a build, the
 * templates it compiled come first.
 */
export async function registerViews(app: FastifyInstance, globals: Record<string, unknown> = {}) {
  const compiled = readCompiledViews(srcDir)
  await app.register(view, {
    engine: { nunjucks },
    templates: viewRoots,
    options: {
      ...viewOptions,
      onConfigure: (env: nunjucks.Environment) => {
        configureEnvironment(env)
        for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value)
        const { loaders } = env as unknown as { loaders: ResolvingLoader[] }
        if (compiled) loaders.unshift(compiledViewsLoader(compiled))
        for (const loader of loaders) rememberResolved(loader)
      },
    },
  })
}

/** The templates compiled as the app would compile them, for the build to keep. */
export function compileAppViews(): CompiledViews {
  return compileViews(viewRoots, new nunjucks.Environment([], viewOptions))
}
