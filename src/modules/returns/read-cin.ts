import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { type XmlElement, type XmlFilePart, childOf, readXmlFile } from '#src/platform/xml/read-xml.ts'
import { DEFAULT_EXTRACT_LIMITS, extractLimitMessages } from './extract-limits.ts'
import { ExtractRefusal, type ExtractResult, RowBuilder } from './extract-rows.ts'
import type { ReadOptions } from './read-903.ts'
import { TABLES_CIN, type TableSpec } from './records.ts'

/** The text of each element under `element` by name, its children's before its grandchildren's. */
function textsUnder(element: XmlElement | undefined): Map<string, string> {
  const texts = new Map<string, string>()
  const visit = (node: XmlElement) => {
    for (const child of node.children) if (!texts.has(child.name)) texts.set(child.name, child.text)
    for (const child of node.children) visit(child)
  }
  if (element) visit(element)
  return texts
}

/** Each part of a referral that the census may repeat, with its table. */
const REFERRAL_PARTS: [string, TableSpec][] = [
  ['Assessments', TABLES_CIN.assessments],
  ['Section47', TABLES_CIN.section47],
  ['ChildProtectionPlans', TABLES_CIN.cpPlans],
  ['CINPlanDates', TABLES_CIN.cinPlans],
]

/**
 * Reads a children in need census (the DfE's XML: Message, Children, Child) one child at a time:
 * the child's details, and each referral (CINdetails) with its assessments, section 47 enquiries,
 * child protection plans and CIN plans, each row's allow-listed fields sent to the sink. Dates are
 * YYYY-MM-DD. Each row is numbered by the line its element starts on. A document type declaration,
 * a file past a limit or a document that is not XML is refused whole.
 */
export async function readCinFile(path: string, options: ReadOptions & { part?: XmlFilePart }): Promise<ExtractResult> {
  const limits = options.limits ?? DEFAULT_EXTRACT_LIMITS
  const file = basename(path)
  const messages = extractLimitMessages(file, limits)
  if ((await stat(path)).size > limits.maxBytes) throw new ExtractRefusal(messages.tooLarge)
  const rows = new RowBuilder(options.pseudonyms, options.sink, 'iso', limits)
  let children = 0
  const onChild = (child: XmlElement) => {
    children += 1
    if (children > limits.maxRows) throw new ExtractRefusal(`${file} has more than ${limits.maxRows} children`)
    const identifiers = textsUnder(childOf(child, 'ChildIdentifiers'))
    const characteristics = textsUnder(childOf(child, 'ChildCharacteristics'))
    const disabilities = (childOf(childOf(child, 'ChildCharacteristics') ?? child, 'Disabilities')?.children ?? [])
      .map((element) => element.text.trim().toUpperCase())
      .filter(Boolean)
    const id = identifiers.get('LAchildID') ?? ''
    rows.add(TABLES_CIN.children, child.line, (source) => {
      if (source === 'Disability')
        return disabilities.length === 0 ? '' : disabilities.some((d) => d !== 'NONE') ? '1' : '0'
      return identifiers.get(source) ?? characteristics.get(source)
    })
    for (const details of child.children.filter((element) => element.name === 'CINdetails')) {
      // The referral's own fields: its direct children only, so a part's dates are not taken for them.
      const own = new Map(details.children.map((element) => [element.name, element.text]))
      const withChild = (texts: Map<string, string>) => (source: string) =>
        source === 'LAchildID' ? id : source === 'CINreferralDate' ? own.get(source) : texts.get(source)
      rows.add(TABLES_CIN.referrals, details.line, withChild(own))
      for (const [name, spec] of REFERRAL_PARTS) {
        for (const part of details.children.filter((element) => element.name === name))
          rows.add(spec, part.line, withChild(textsUnder(part)))
      }
    }
  }
  const result = await readXmlFile(
    path,
    {
      maxBytes: limits.maxBytes,
      maxDepth: limits.maxDepth,
      maxElements: limits.maxElements,
      // An element's text includes the spaces between its children's; a field too long is a row's problem.
      maxTextLength: Math.max(limits.maxFieldLength, 4096),
    },
    { each: { name: 'Child', onElement: onChild } },
    options.part,
  )
  if (!result.ok) throw new ExtractRefusal(result.message)
  if (result.root.name !== 'Message') throw new ExtractRefusal(`${file} is not a CIN census: it has no Message element`)
  return rows.result()
}

/** A census smaller than this is read whole, by one reader. */
const SPLIT_FROM_BYTES = 8 * 1024 * 1024
/** Where one child ends and the next begins: the only place a census is cut. */
const BETWEEN_CHILDREN = /<\/Child>\s*(<Child[\s>])/g

/**
 * Cuts a large census into `count` parts that can be read at once, each a document of its own: the
 * cut is only ever between one child's closing tag and the next child's opening tag, and each part
 * but the first is read inside `<Message><Children>`, each but the last closed with them. Each part
 * knows the lines before it, so rows keep the file's line numbers. Gives no parts (read it whole)
 * when the file is small or no such place is found near where a cut should fall.
 */
export async function censusParts(path: string, count: number): Promise<XmlFilePart[]> {
  const size = (await stat(path)).size
  if (count < 2 || size < SPLIT_FROM_BYTES) return []
  const file = await open(path, 'r')
  try {
    const cuts: number[] = []
    const window = Buffer.alloc(1024 * 1024)
    for (let n = 1; n < count; n += 1) {
      const from = Math.floor((size * n) / count)
      const { bytesRead } = await file.read(window, 0, window.length, from)
      // Latin-1 keeps one character per byte, so a match's index is its offset in the file.
      BETWEEN_CHILDREN.lastIndex = 0
      const match = BETWEEN_CHILDREN.exec(window.toString('latin1', 0, bytesRead))
      if (!match) return []
      cuts.push(from + match.index + match[0].length - match[1].length)
    }
    // The lines before each cut: its newlines counted up to it.
    const lines: number[] = []
    let counted = 0
    let at = 0
    const chunk = Buffer.alloc(4 * 1024 * 1024)
    for (const cut of cuts) {
      while (at < cut) {
        const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, cut - at), at)
        if (bytesRead === 0) break
        for (let i = chunk.indexOf(10, 0); i !== -1 && i < bytesRead; i = chunk.indexOf(10, i + 1)) counted += 1
        at += bytesRead
      }
      lines.push(counted)
    }
    const starts = [0, ...cuts]
    return starts.map((start, index) => ({
      start,
      end: index + 1 < starts.length ? starts[index + 1] : size,
      before: index === 0 ? '' : '<Message><Children>',
      after: index === starts.length - 1 ? '' : '</Children></Message>',
      lineOffset: index === 0 ? 0 : lines[index - 1],
    }))
  } finally {
    await file.close()
  }
}
