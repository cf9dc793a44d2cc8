import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { SaxesParser } from 'saxes'

/**
 * An element as read: its name without a namespace prefix, the line it opened on, its attributes (by name
 * without a prefix: Word's `w:val` is `val`), its text and its children.
 */
export interface XmlElement {
  name: string
  line: number
  attributes: Record<string, string>
  text: string
  children: XmlElement[]
}

/** Checked while reading, so that an enormous or deeply nested file is refused before it is held in memory. */
export interface XmlLimits {
  maxBytes: number
  maxDepth: number
  maxElements: number
  /** The longest text one element may carry, in characters. */
  maxTextLength: number
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 500_000,
  maxTextLength: 2_000_000,
}

export interface XmlReadOptions {
  /**
   * Hands over each element of this name as it closes, and keeps none of them in the tree (nor the
   * text between them): a document of a million records is read one record at a time.
   */
  each?: { name: string; onElement: (element: XmlElement) => void }
  /** Lines of the file before what is read (a part of it): added to every line number given. */
  lineOffset?: number
}

export type XmlReadResult = { ok: true; root: XmlElement } | { ok: false; message: string; line: number | null }

class XmlRefusal extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message)
  }
}

/**
 * Reads one XML document from its chunks into a tree. A document type declaration is refused outright: it is
 * where entities are declared, and expanding them is how a small file becomes an enormous one.
 */
export function createXmlReader(name: string, limits: XmlLimits = DEFAULT_XML_LIMITS, options: XmlReadOptions = {}) {
  const parser = new SaxesParser({ fileName: name, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let elements = 0
  let bytes = 0
  const each = options.each
  const lineOffset = options.lineOffset ?? 0
  // Inside an element handed over one at a time: only its text is kept, not the text around it.
  let insideEach = 0
  const handOver = (element: XmlElement) => {
    if (!each) return
    const parent = stack.at(-1)
    if (parent?.children.at(-1) === element) parent.children.pop()
    each.onElement(element)
  }

  const refuse = (message: string): never => {
    throw new XmlRefusal(`${name}: line ${parser.line + lineOffset}: ${message}`, parser.line + lineOffset)
  }
  const addText = (text: string) => {
    const current = stack.at(-1)
    if (!current || (each && insideEach === 0)) return
    current.text += text
    if (current.text.length > limits.maxTextLength)
      refuse(`the text of <${current.name}> is longer than ${limits.maxTextLength} characters`)
  }

  parser.on('error', (error) => {
    // saxes prefixes its message with "file:line:column: "; said once, the way the other refusals say it.
    const reason = error.message.replace(/^.*?:\d+:\d+: /, '').replace(/\.$/, '')
    refuse(reason)
  })
  parser.on('doctype', () =>
    refuse('a document type declaration (DOCTYPE or ENTITY) is refused: entities are never expanded'),
  )
  parser.on('opentag', (tag) => {
    elements += 1
    if (elements > limits.maxElements) refuse(`more than ${limits.maxElements} elements`)
    if (stack.length + 1 > limits.maxDepth) refuse(`elements nested deeper than ${limits.maxDepth}`)
    const attributes: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes))
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) attributes[key.replace(/^.*:/, '')] ??= String(value)
    const element: XmlElement = {
      name: tag.name.replace(/^.*:/, ''),
      line: parser.line + lineOffset,
      attributes,
      text: '',
      children: [],
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(element)
    else root = element
    const handed = each?.name === element.name
    if (tag.isSelfClosing) {
      if (handed) handOver(element)
    } else {
      if (handed || insideEach > 0) insideEach += 1
      stack.push(element)
    }
  })
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return
    const element = stack.pop()
    if (insideEach > 0) insideEach -= 1
    if (element && each?.name === element.name) handOver(element)
  })
  parser.on('text', addText)
  parser.on('cdata', addText)

  const attempt = (action: () => void): XmlReadResult | null => {
    try {
      action()
      return null
    } catch (error) {
      if (error instanceof XmlRefusal) return { ok: false, message: error.message, line: error.line }
      throw error
    }
  }

  return {
    /** Feeds a chunk; a refusal here ends the reading and nothing read so far is kept. */
    write(chunk: string): XmlReadResult | null {
      bytes += Buffer.byteLength(chunk)
      if (bytes > limits.maxBytes)
        return { ok: false, message: `${name}: larger than ${limits.maxBytes} bytes`, line: null }
      return attempt(() => parser.write(chunk))
    },
    close(): XmlReadResult {
      const refused = attempt(() => parser.close())
      if (refused) return refused
      return root ? { ok: true, root } : { ok: false, message: `${name}: no root element`, line: null }
    },
  }
}

/** Reads a document held in a string (tests, and responses already in memory). */
export function readXml(name: string, text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlReadResult {
  const reader = createXmlReader(name, limits)
  return reader.write(text) ?? reader.close()
}

/**
 * A part of a file read as a document of its own: the bytes from `start` to before `end`, with
 * `before` and `after` around them (the elements the part is inside of, opened and closed).
 */
export interface XmlFilePart {
  start: number
  end: number
  before: string
  after: string
  /** The lines of the file before `start`. */
  lineOffset: number
}

/**
 * Streams a file (or a part of it) through the reader; its size is checked before the first byte is
 * read.
 */
export async function readXmlFile(
  path: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
  options: XmlReadOptions = {},
  part?: XmlFilePart,
): Promise<XmlReadResult> {
  const name = basename(path)
  const size = (await stat(path)).size
  if (size > limits.maxBytes) return { ok: false, message: `${name}: larger than ${limits.maxBytes} bytes`, line: null }
  const reader = createXmlReader(name, limits, part ? { ...options, lineOffset: part.lineOffset } : options)
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: 64 * 1024,
    ...(part && part.end > part.start ? { start: part.start, end: part.end - 1 } : {}),
  })
  if (part?.before) {
    const refused = reader.write(part.before)
    if (refused) return refused
  }
  for await (const chunk of stream) {
    const refused = reader.write(chunk as string)
    if (refused) {
      stream.destroy()
      return refused
    }
  }
  if (part?.after) {
    const refused = reader.write(part.after)
    if (refused) return refused
  }
  return reader.close()
}

/** The first child of that name, or undefined. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name)
}
