import { SaxesParser } from 'saxes'

/** For tests: parses the XML (throwing if it is not well formed) into element names and their text. */
export function parseXml(text: string) {
  const parser = new SaxesParser({ xmlns: true })
  const elements: { name: string; uri: string; text: string; attributes: Record<string, string> }[] = []
  const open: (typeof elements)[number][] = []
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value]))
    const element = { name: tag.local, uri: tag.uri, text: '', attributes }
    elements.push(element)
    open.push(element)
  })
  const addText = (t: string) => {
    if (open.length) open[open.length - 1].text += t
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => open.pop())
  parser.write(text).close()
  return elements
}
