import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { MATCH_END, MATCH_START, snippetHtml } from './snippet.ts'

const m = (word: string) => `${MATCH_START}${word}${MATCH_END}`

describe('snippetHtml', () => {
  it.each([
    ['marks the matched words', `We recruit ${m('foster')} carers`, 'We recruit <mark>foster</mark> carers'],
    [
      'escapes the text around and inside the marks',
      `<script>alert(1)</script> & ${m('<b>')}`,
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>&lt;b&gt;</mark>',
    ],
    ['escapes quotes', `Children's "voice"`, 'Children&#39;s &quot;voice&quot;'],
    ['folds whitespace and line breaks', `  one\n\n  two  `, 'one two'],
    ['drops a marker left unpaired', `${MATCH_START}half ${m('whole')}${MATCH_END}`, 'half <mark>whole</mark>'],
  ])('%s', (_name, headline, html) => {
    expect(snippetHtml(headline)?.toString()).toBe(html)
  })

  it.each([[null], [undefined], [''], ['   '], [`${MATCH_START}${MATCH_END}`]])(
    'gives no snippet for %j',
    (headline) => {
      expect(snippetHtml(headline)).toBeNull()
    },
  )

  it('is held at one byte a character, as the page it goes into (ADR 30)', () => {
    const html = snippetHtml(`The ${m('council’s')} plan`)!.toString()
    expect(html).toBe('The <mark>council&#8217;s</mark> plan')
    // V8's serialiser writes '"' before a one-byte string, 'c' before a two-byte one.
    expect(String.fromCharCode(serialize(html)[2])).toBe('"')
  })
})
