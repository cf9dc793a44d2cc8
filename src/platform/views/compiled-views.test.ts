import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { COMPILED_VIEWS_FILE, compiledViewsJson, compiledViewsLoader, readCompiledViews } from './compiled-views.ts'
import { compileAppViews, configureEnvironment, srcDir, viewOptions, viewRoots } from './environment.ts'

const compiled = compileAppViews()

function environment(loaders: nunjucks.ILoaderAny | nunjucks.ILoaderAny[]) {
  const env = new nunjucks.Environment(loaders, viewOptions)
  configureEnvironment(env)
  env.addGlobal('serviceName', 'Oversight')
  return env
}
/** As the app runs from src/: each template compiled from its file when first used. */
const fromFiles = environment(new nunjucks.FileSystemLoader(viewRoots))
/** As the build runs: the compiled templates and nothing else, so that one it lacks is not found. */
const fromBuild = environment(compiledViewsLoader(compiled) as unknown as nunjucks.ILoader)

describe('templates compiled by the build', () => {
  it('are every template, named as the app names them', () => {
    const own = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.njk'))
    const names = Object.keys(compiled)
    expect(names.filter((name) => !/^(govuk|moj)\//.test(name))).toHaveLength(own.length)
    expect(names).toEqual(
      expect.arrayContaining([
        'platform/views/layout.njk',
        'modules/meetings/views/meeting.njk',
        'govuk/components/button/macro.njk',
        'govuk/macros/attributes.njk',
        'moj/components/badge/macro.njk',
      ]),
    )
  })

  it('render GOV.UK components, which import each other by relative paths, as the files do', () => {
    const page = [
      '{% from "govuk/components/button/macro.njk" import govukButton %}',
      '{% from "govuk/components/input/macro.njk" import govukInput %}',
      '{{ govukButton({ text: "Save " + name, attributes: { "data-x": "<y>" } }) }}',
      '{{ govukInput({ label: { text: "Title" }, id: "title", name: "title", value: name, errorMessage: { text: "Enter a title" } }) }}',
    ].join('\n')
    const html = fromBuild.renderString(page, { name: 'the <minutes>' })
    expect(html).toBe(fromFiles.renderString(page, { name: 'the <minutes>' }))
    expect(html).toContain('Save the &lt;minutes&gt;')
    expect(html).toContain('data-x="&lt;y&gt;"')
    expect(html).toContain('Enter a title')
  })

  it("render the app's pages, extending the layout, as the files do", () => {
    const context = { currentPath: '/meetings/<x>' }
    const html = fromBuild.render('platform/views/errors/not-found.njk', context)
    expect(html).toBe(fromFiles.render('platform/views/errors/not-found.njk', context))
    expect(html).toContain('<h1 class="govuk-heading-l">Page not found</h1>')
    expect(html).toContain('</html>')
  })

  it('leave a name they do not have to the loaders after them', () => {
    expect(compiledViewsLoader(compiled).getSource('platform/views/no-such.njk')).toBeNull()
    expect(() => fromBuild.render('platform/views/no-such.njk', {})).toThrow('template not found')
  })

  it('are written as ASCII alone, and read back as they were, characters beyond ASCII included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'oversight-compiled-views-'))
    try {
      const json = compiledViewsJson(compiled)
      expect(json).toMatch(/^[\x00-\x7f]*$/)
      expect(Object.values(compiled).some((code) => /[^\x00-\x7f]/.test(code))).toBe(true)
      writeFileSync(join(folder, COMPILED_VIEWS_FILE), json)
      expect(readCompiledViews(folder)).toEqual(compiled)
      // A file written before, in UTF-8, still reads as it was.
      writeFileSync(join(folder, COMPILED_VIEWS_FILE), JSON.stringify({ 'a.njk': 'return "’ £"' }))
      expect(readCompiledViews(folder)).toEqual({ 'a.njk': 'return "’ £"' })
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
    expect(readCompiledViews(folder)).toBeUndefined()
  })
})
