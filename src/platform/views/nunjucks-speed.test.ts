import { createRequire } from 'node:module'
import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { NUNJUCKS_VERSION, rememberResolved, renderFaster } from './nunjucks-speed.ts'

renderFaster()

/** An environment over templates held in memory, kept once loaded as the app's are. */
function environmentOf(templates: Record<string, string>, globals: Record<string, unknown> = {}) {
  const loader = {
    cache: {},
    getSource: (name: string) => (name in templates ? { src: templates[name], path: name, noCache: false } : null),
  }
  const env = new nunjucks.Environment([loader as unknown as nunjucks.ILoader], { autoescape: true })
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value)
  return env
}

describe('Nunjucks made quicker (ADR 28)', () => {
  it('is the Nunjucks the changes were written for', () => {
    const { version } = createRequire(import.meta.url)('nunjucks/package.json') as { version: string }
    expect(version).toBe(NUNJUCKS_VERSION)
  })

  it('collects a template’s macros once when it is imported without context, and every time with it', () => {
    let runs = 0
    const env = environmentOf(
      {
        'macros.njk': '{% set counted = count() %}{% macro greet(name) %}Hello {{ name }}{% endmacro %}',
        'page.njk': '{% from "macros.njk" import greet %}{{ greet(who) }}',
        'with-context.njk': '{% from "macros.njk" import greet with context %}{{ greet(who) }}',
      },
      { count: () => ++runs },
    )
    expect(env.render('page.njk', { who: 'Ada' })).toBe('Hello Ada')
    expect(env.render('page.njk', { who: 'Grace <3' })).toBe('Hello Grace &lt;3')
    expect(env.render('page.njk', { who: 'Ada' })).toBe('Hello Ada')
    expect(runs).toBe(1)
    env.render('with-context.njk', { who: 'Ada' })
    env.render('with-context.njk', { who: 'Ada' })
    expect(runs).toBe(3)
  })

  it('sets variables, arguments and loop variables as Nunjucks does', () => {
    const env = new nunjucks.Environment([], { autoescape: true })
    // Each template's output is what Nunjucks 3.2.4 renders without the changes.
    const rendered = {
      '{% set x = 1 %}{% for i in [1,2] %}{% set x = i %}{% endfor %}{{ x }}': '2',
      '{% set x = 1 %}{% if true %}{% set x = 5 %}{% endif %}{{ x }}': '5',
      '{% for i in [1,2,3] %}{{ loop.index }}{{ loop.first }}{{ loop.last }}{{ loop.revindex }},{% endfor %}':
        '1truefalse3,2falsefalse2,3falsetrue1,',
      '{% macro m(a, b=2) %}{% set a = a + 1 %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}{{ m(5, b=7) }}': '2267',
      '{% set y = 1 %}{% macro m() %}{% set y = 9 %}{{ y }}{% endmacro %}{{ m() }}{{ y }}': '91',
      '{% for k, v in {a: 1, b: 2} %}{{ k }}={{ v }};{% endfor %}': 'a=1;b=2;',
      '{% set t %}inner{% endset %}{{ t }}': 'inner',
    }
    for (const [template, output] of Object.entries(rendered))
      expect(env.renderString(template, {}), template).toBe(output)

    type Frame = {
      variables: Record<string, unknown>
      set(n: string, v: unknown, up?: boolean): void
      push(isolate?: boolean): Frame
    }
    const frame = new (nunjucks.runtime as unknown as { Frame: new () => Frame }).Frame()
    frame.set('a.b', 1)
    frame.set('x', 1)
    const inner = frame.push()
    inner.set('x', 2, true)
    inner.set('z', 3, true)
    frame.push(true).set('x', 4, true)
    expect(frame.variables).toEqual({ a: { b: 1 }, x: 2 })
    expect(inner.variables).toEqual({ z: 3 })
  })

  it('resolves each relative name once, to the same name', () => {
    let resolving = 0
    const loader = {
      resolve: (from: string, to: string) => {
        resolving++
        return `${from.split('/').slice(0, -1).join('/')}/${to.replace('./', '')}`
      },
    }
    rememberResolved(loader)
    expect(loader.resolve('govuk/components/tag/macro.njk', './template.njk')).toBe('govuk/components/tag/template.njk')
    expect(loader.resolve('govuk/components/tag/macro.njk', './template.njk')).toBe('govuk/components/tag/template.njk')
    expect(loader.resolve('govuk/components/button/macro.njk', './template.njk')).toBe(
      'govuk/components/button/template.njk',
    )
    expect(resolving).toBe(2)
  })
})
