import { serialize } from 'node:v8'
import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { escapeHtml } from './filters.ts'
import { renderFaster } from './nunjucks-speed.ts'
import { asOneByte, characterReference, oneByteTemplate } from './one-byte.ts'

renderFaster()
const env = new nunjucks.Environment([], { autoescape: true })

/** Whether V8 holds `text` at one byte a character (its serialiser says which, by the tag it writes). */
const heldAtOneByte = (text: string) => serialize(text)[2] === '"'.charCodeAt(0)

/** What a browser shows of a page: references read as the characters they stand for. */
const shown = (html: string) =>
  html.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&amp;/g, '&')

describe('pages as one-byte text', () => {
  it('writes a character beyond Latin-1 as a reference, whole even when it needs two UTF-16 units', () => {
    expect(characterReference('’')).toBe('&#8217;')
    expect(characterReference('😀')).toBe('&#128512;')
  })

  it('writes the text of a template so, and leaves its tags, expressions and comments alone', () => {
    const source = '<p>Children’s services – £5 {{ "a’b" if x else "–" }}</p>{% set y = "“q”" %}{# café – note #}'
    expect(oneByteTemplate(source)).toBe(
      '<p>Children&#8217;s services &#8211; £5 {{ "a’b" if x else "–" }}</p>{% set y = "“q”" %}{# café – note #}',
    )
  })

  it('renders pages whose every character is Latin-1, showing the same words', () => {
    const html = env.renderString('<h1>{{ title }} – {{ "Today’s" }}</h1><p title="{{ title }}">Café £5 “ok”</p>', {
      title: 'Children’s <care> & 😀',
    })
    expect(html).toMatch(/^[\x00-\xff]*$/)
    expect(shown(html)).toBe(
      '<h1>Children’s &lt;care&gt; & 😀 – Today’s</h1><p title="Children’s &lt;care&gt; & 😀">Café £5 “ok”</p>',
    )
  })

  it('escapes as Nunjucks does otherwise, character for character', () => {
    expect(env.renderString('{{ v }}', { v: `<a href='x'>"&"\\</a>` })).toBe(
      '&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&#92;&lt;/a&gt;',
    )
    expect(env.renderString('{{ v | safe }}', { v: '’' })).toBe('’')
  })

  it('escapes markup made in code the same way', () => {
    expect(escapeHtml(`Tom’s "plan" <b> & 'x'`)).toBe('Tom&#8217;s &quot;plan&quot; &lt;b&gt; &amp; &#39;x&#39;')
  })

  it('holds escaped text at one byte a character, even where what it escaped was held at two', () => {
    const name = 'Children supported to return to their family’s care'
    expect(heldAtOneByte(name)).toBe(false)
    // Replacing in a two-byte string leaves the result two-byte, whatever is left in it.
    expect(heldAtOneByte(name.replace('’', '&#8217;'))).toBe(false)
    for (const escaped of [escapeHtml(name), env.renderString('{{ v }}', { v: name })]) {
      expect(escaped).toBe('Children supported to return to their family&#8217;s care')
      expect(heldAtOneByte(escaped)).toBe(true)
    }
    const page = env.renderString('<td>{{ v }}</td>', { v: name })
    expect(heldAtOneByte(page)).toBe(true)
    expect(asOneByte('£5 café')).toBe('£5 café')
    expect(heldAtOneByte(asOneByte('Today’s'.slice(0, 5)))).toBe(true)
  })
})
