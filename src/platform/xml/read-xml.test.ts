import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_XML_LIMITS, createXmlReader, readXml, readXmlFile } from './read-xml.ts'

const limits = { maxBytes: 2000, maxDepth: 4, maxElements: 20, maxTextLength: 100 }

describe('readXml', () => {
  it('reads elements, attributes, text, CDATA and the five predefined entities into a tree', () => {
    const result = readXml(
      'a.xml',
      '<?xml version="1.0"?>\n<m:list xmlns:m="urn:x">\n<item m:kind="first">A &amp; B</item>\n<item><![CDATA[<p>x</p>]]></item><empty/></m:list>',
    )
    expect(result).toEqual({
      ok: true,
      root: {
        name: 'list',
        line: 2,
        attributes: {},
        text: '\n\n',
        children: [
          { name: 'item', line: 3, attributes: { kind: 'first' }, text: 'A & B', children: [] },
          { name: 'item', line: 4, attributes: {}, text: '<p>x</p>', children: [] },
          { name: 'empty', line: 4, attributes: {}, text: '', children: [] },
        ],
      },
    })
  })

  it('refuses a document type declaration, so that no entity is ever expanded', () => {
    const billionLaughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>'
    expect(readXml('lolz.xml', billionLaughs)).toEqual({
      ok: false,
      message:
        'lolz.xml: line 5: a document type declaration (DOCTYPE or ENTITY) is refused: entities are never expanded',
      line: 5,
    })
  })

  it('refuses an entity it does not know rather than leave it out', () => {
    expect(readXml('e.xml', '<a>\n&nbsp;</a>')).toMatchObject({
      ok: false,
      message: 'e.xml: line 2: undefined entity',
      line: 2,
    })
  })

  it('names the file and line of malformed XML', () => {
    expect(readXml('bad.xml', '<a>\n<b>\n</a>')).toMatchObject({
      ok: false,
      message: 'bad.xml: line 3: unexpected close tag',
      line: 3,
    })
    expect(readXml('cut.xml', '<a><b></b>')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^cut\.xml: line 1: /),
    })
    expect(readXml('none.xml', '')).toMatchObject({ ok: false })
  })

  it.each([
    ['too many bytes', `<a>${'x'.repeat(2100)}</a>`, 'big.xml: larger than 2000 bytes'],
    ['nested too deep', '<a><b><c><d><e/></d></c></b></a>', 'big.xml: line 1: elements nested deeper than 4'],
    ['too many elements', `<a>${'<b/>'.repeat(20)}</a>`, 'big.xml: line 1: more than 20 elements'],
    ['too long a text', `<a>${'x'.repeat(101)}</a>`, 'big.xml: line 1: the text of <a> is longer than 100 characters'],
  ])('refuses a file with %s while reading it', (_case, xml, message) => {
    expect(readXml('big.xml', xml, limits)).toMatchObject({ ok: false, message })
  })

  it('has limits a real response fits in', () => {
    expect(DEFAULT_XML_LIMITS.maxBytes).toBeGreaterThanOrEqual(10 * 1024 * 1024)
    expect(DEFAULT_XML_LIMITS.maxDepth).toBeGreaterThanOrEqual(8)
  })
})

describe('readXmlFile', () => {
  const folder = mkdtemp(join(tmpdir(), 'read-xml-'))
  afterAll(async () => rm(await folder, { recursive: true, force: true }))

  it('streams a file and refuses one over the size limit before reading it', async () => {
    const path = join(await folder, 'big.xml')
    await writeFile(path, `<a>${'<b>x</b>'.repeat(300)}</a>`)
    expect(await readXmlFile(path, limits)).toEqual({
      ok: false,
      message: 'big.xml: larger than 2000 bytes',
      line: null,
    })
    const read = await readXmlFile(path, { ...limits, maxBytes: 10_000, maxElements: 1000 })
    expect(read.ok && read.root.children).toHaveLength(300)
  })

  it('names the file of a malformed one', async () => {
    expect(await readXmlFile('test/fixtures/moderngov/malformed.xml')).toEqual({
      ok: false,
      message: 'malformed.xml: line 10: unexpected close tag',
      line: 10,
    })
  })
})

describe('reading one element at a time', () => {
  it('hands over each element of the name as it closes, and keeps none of them in the tree', () => {
    const seen: string[] = []
    const reader = createXmlReader('list.xml', DEFAULT_XML_LIMITS, {
      each: { name: 'item', onElement: (element) => seen.push(`${element.line}:${element.children[0]?.text}`) },
    })
    expect(reader.write('<list>\n<item><id>1</id></item>\n<item><id>2</id></item>\n</list>')).toBeNull()
    expect(reader.close()).toEqual({
      ok: true,
      root: { name: 'list', line: 1, attributes: {}, text: '', children: [] },
    })
    expect(seen).toEqual(['2:1', '3:2'])
  })
})
