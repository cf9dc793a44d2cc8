import { posix } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { type Grid, GridBuilder, checkColumn } from './grid.ts'
import { FileLimitError, MAX_CELL_CHARACTERS, UnreadableFileError } from './limits.ts'
import { type CellType, type NumberKind, builtInKind, cellText, columnNumber, formatKind } from './xlsx-cells.ts'
import { ExpansionBudget, type ZipEntry, entryContent, zipEntries } from './zip-entries.ts'

/**
 * The first sheet of an Excel workbook (XLSX), read as a stream of XML events: no part is held
 * whole, a row holds only the cells that have something in them, and the file is refused the
 * moment it passes a limit (a cell past the last column, a row past the last row, a part that
 * expands too far). The shared strings and styles are read first, as the sheet refers to them;
 * they count toward the same expansion limit. The XML parser expands no entities beyond XML's
 * own five, so no entity can expand either.
 */
export async function readXlsx(data: Buffer): Promise<Grid> {
  const grid = new GridBuilder()
  await readXlsxSheets(data, {
    wanted: (_name, index) => index === 0,
    add: (_name, row, cells) => grid.add(row, cells),
  })
  return grid.grid
}

export interface SheetReading {
  /** Whether to read a sheet, by its name and its place in the workbook (from 0). */
  wanted(name: string, index: number): boolean
  /** Each row of a sheet read, numbered as a spreadsheet numbers it; empty cells are ''. */
  add(sheet: string, row: number, cells: string[]): void
  /** What the parts read may expand to together; the upload limit when not given. */
  maxExpandedBytes?: number
}

/**
 * The sheets of a workbook that are wanted, in the workbook's order, each read as readXlsx reads
 * the first: streamed, refused at the first limit passed. A workbook with none of them is read
 * without error, and nothing is added.
 */
export async function readXlsxSheets(data: Buffer, reading: SheetReading): Promise<void> {
  const entries = zipEntries(data, reading.maxExpandedBytes)
  const budget = new ExpansionBudget(reading.maxExpandedBytes)
  const read = (name: string | undefined, handlers: Handlers) => {
    const entry = name === undefined ? undefined : entries.get(name)
    return entry ? readPart(data, entry, budget, handlers) : Promise.resolve(false)
  }

  const workbook = { sheets: [] as { name: string; id: string }[], date1904: false }
  const found = await read('xl/workbook.xml', {
    open(tag) {
      if (tag === 'workbookPr') workbook.date1904 = ['1', 'true'].includes(this.attribute('date1904'))
      if (tag === 'sheet') workbook.sheets.push({ name: this.attribute('name'), id: this.attribute('r:id') })
    },
  })
  if (!found || workbook.sheets.length === 0) throw new UnreadableFileError()

  const targets = new Map<string, string>()
  const byType = new Map<string, string>()
  await read('xl/_rels/workbook.xml.rels', {
    open(tag) {
      if (tag !== 'Relationship') return
      const target = this.attribute('Target')
      // Targets are relative to xl/, or absolute within the package.
      const name = target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`)
      targets.set(this.attribute('Id'), name)
      byType.set(this.attribute('Type').split('/').pop() ?? '', name)
    },
  })

  const sharedStrings = await readSharedStrings((name, handlers) => read(name, handlers), byType.get('sharedStrings'))
  const kinds = await readNumberKinds((name, handlers) => read(name, handlers), byType.get('styles'))
  for (const [index, sheet] of workbook.sheets.entries()) {
    if (!reading.wanted(sheet.name, index)) continue
    const add = (row: number, cells: string[]) => reading.add(sheet.name, row, cells)
    if (!(await read(targets.get(sheet.id), sheetHandlers(add, sharedStrings, kinds, workbook.date1904)))) {
      throw new UnreadableFileError()
    }
  }
}

interface Handlers {
  /** A tag opened: its name without any namespace prefix; `this.attribute(name)` reads its attributes. */
  open?(this: Tag, name: string): void
  close?(this: Tag, name: string): void
  text?(text: string): void
}
interface Tag {
  attribute(name: string): string
}
type ReadPart = (name: string | undefined, handlers: Handlers) => Promise<boolean>

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

/** Streams one part through the XML parser; false when the workbook has no such part. */
async function readPart(data: Buffer, entry: ZipEntry, budget: ExpansionBudget, handlers: Handlers): Promise<boolean> {
  const parser = new SaxesParser({ position: false })
  let current: SaxesTagPlain | null = null
  // By its prefixed name (r:id) or, as a writer may choose its own prefix, by the name after it.
  const tag: Tag = {
    attribute(name) {
      const attributes = current?.attributes ?? {}
      if (name in attributes) return String(attributes[name])
      const key = Object.keys(attributes).find((key) => key.includes(':') && localName(key) === localName(name))
      return key ? String(attributes[key]) : ''
    },
  }
  parser.on('opentag', (node) => {
    current = node as SaxesTagPlain
    handlers.open?.call(tag, localName(node.name))
    if (node.isSelfClosing) handlers.close?.call(tag, localName(node.name))
  })
  parser.on('closetag', (node) => {
    if (!node.isSelfClosing) handlers.close?.call(tag, localName(node.name))
  })
  if (handlers.text) {
    parser.on('text', (value) => handlers.text?.call(tag, value))
    parser.on('cdata', (value) => handlers.text?.call(tag, value))
  }
  const decoder = new StringDecoder('utf8')
  try {
    for await (const chunk of entryContent(data, entry, budget)) parser.write(decoder.write(chunk))
    parser.write(decoder.end())
    parser.close()
  } catch (error) {
    if (error instanceof FileLimitError || error instanceof UnreadableFileError) throw error
    throw new UnreadableFileError()
  }
  return true
}

/** Text inside <t>, apart from phonetic guides (<rPh>), which are not part of the cell's text. */
function textCollector() {
  let depth = { t: 0, rPh: 0 }
  let text = ''
  return {
    open(name: string) {
      if (name === 't' || name === 'rPh') depth[name] += 1
    },
    close(name: string) {
      if (name === 't' || name === 'rPh') depth[name] -= 1
    },
    text(chunk: string) {
      if (depth.t > 0 && depth.rPh === 0) {
        text += chunk
        if (text.length > MAX_CELL_CHARACTERS) throw new UnreadableFileError()
      }
    },
    take() {
      const taken = text
      text = ''
      depth = { t: 0, rPh: 0 }
      return taken
    },
  }
}

async function readSharedStrings(read: ReadPart, name: string | undefined): Promise<string[]> {
  const strings: string[] = []
  const collected = textCollector()
  await read(name ?? 'xl/sharedStrings.xml', {
    open: (tag) => collected.open(tag),
    close: (tag) => (tag === 'si' ? void strings.push(collected.take()) : collected.close(tag)),
    text: (text) => collected.text(text),
  })
  return strings
}

/** Each cell style's kind of number, by the style's index (the `s` attribute of a cell). */
async function readNumberKinds(read: ReadPart, name: string | undefined): Promise<NumberKind[]> {
  const custom = new Map<number, NumberKind>()
  const kinds: NumberKind[] = []
  let inCellFormats = false
  await read(name ?? 'xl/styles.xml', {
    open(tag) {
      if (tag === 'numFmt') custom.set(Number(this.attribute('numFmtId')), formatKind(this.attribute('formatCode')))
      if (tag === 'cellXfs') inCellFormats = true
      if (tag === 'xf' && inCellFormats) {
        const id = Number(this.attribute('numFmtId') || 0)
        kinds.push(custom.get(id) ?? builtInKind(id))
      }
    },
    close(tag) {
      if (tag === 'cellXfs') inCellFormats = false
    },
  })
  return kinds
}

/** The sheet's rows into the grid, each cell checked against the column limit as it closes. */
function sheetHandlers(
  add: (row: number, cells: string[]) => void,
  sharedStrings: string[],
  kinds: NumberKind[],
  date1904: boolean,
): Handlers {
  let row = 0
  let cells: string[] = []
  let column = 0
  let cell = { type: 'n' as CellType, kind: 'plain' as NumberKind, value: '' }
  let inValue = false
  const inline = textCollector()
  return {
    open(tag) {
      if (tag === 'row') {
        row = Number(this.attribute('r')) || row + 1
        cells = []
        column = 0
      } else if (tag === 'c') {
        const reference = /^([A-Z]{1,3})\d+$/.exec(this.attribute('r'))
        column = reference ? columnNumber(reference[1]) : column + 1
        const type = (this.attribute('t') || 'n') as CellType
        cell = { type, kind: kinds[Number(this.attribute('s') || 0)] ?? 'plain', value: '' }
      } else if (tag === 'v') {
        inValue = true
      } else {
        inline.open(tag)
      }
    },
    close(tag) {
      if (tag === 'v') inValue = false
      else if (tag === 'c') {
        const text = (
          cell.type === 'inlineStr'
            ? inline.take()
            : cellText(cell.type, cell.value, cell.kind, sharedStrings, date1904)
        ).trim()
        if (text === '') return
        checkColumn(column)
        cells[column - 1] = text
      } else if (tag === 'row') {
        add(
          row,
          Array.from(cells, (text) => text ?? ''),
        )
      } else inline.close(tag)
    },
    text(text) {
      if (inValue) {
        cell.value += text
        if (cell.value.length > MAX_CELL_CHARACTERS) throw new UnreadableFileError()
      } else inline.text(text)
    },
  }
}
