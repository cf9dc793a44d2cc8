import { describe, expect, it } from 'vitest'
import { utf8Bytes } from './page-bytes.ts'

describe('utf8Bytes', () => {
  it.each([
    ['text with nothing beyond ASCII', '<p class="govuk-body">Children&#8217;s services</p>'],
    ['Latin-1 beyond ASCII, two bytes each in UTF-8', 'Café £5'],
    ['characters beyond Latin-1, which Latin-1 would cut to a wrong byte', 'Łódź – “ok” 😀'],
    ['nothing', ''],
  ])('gives the UTF-8 bytes of %s', (_name, text) => {
    expect(utf8Bytes(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
    expect(utf8Bytes(text).toString('utf8')).toBe(text)
  })

  it('gives a page made of many pieces whole', () => {
    let page = ''
    for (let row = 0; row < 5_000; row++) page += `<tr><td>${row}</td><td>Row ${row}</td></tr>\n`
    expect(utf8Bytes(page).toString('utf8')).toBe(page)
    expect(utf8Bytes(`${page}£`).equals(Buffer.from(`${page}£`))).toBe(true)
  })
})
