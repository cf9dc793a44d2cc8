import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { createInterface } from 'node:readline'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { REFERRAL_SOURCE } from './records.ts'

/**
 * Synthetic statutory returns: the SSDA903 tables, a children in need census and an Annex A
 * workbook for the same made-up children, consistent with one another and valid by construction,
 * the same every time for the same seed. Every id starts SYN, every postcode is in the ZZ area
 * (which does not exist), the census says it is synthetic and the workbook has a sheet that does:
 * none of it is about a real child. Written as a stream, a child at a time.
 */

export interface SynthOptions {
  children: number
  /** The collection year, like 2023-24: 1 April 2023 to 31 March 2024. */
  year: string
  out: string
  /** Known errors to put in, each recorded in the manifest. */
  errors?: number
  seed?: number
  /**
   * Whether to write the Annex A workbook (the default). Without it the 903 tables and the census
   * are the same, child for child: the bench leaves it out, since the workbook is written in
   * memory-hungry pieces and the budgets are about the 903 and the census.
   */
  annexA?: boolean
}

/** An error put in on purpose: where it is and what a reader should say about it. */
export interface SeededError {
  kind: string
  file: string
  /** The table as the reader names it, the row it reads it from, and the field. */
  table: string
  row: number
  field: string
  value: string
}

export interface SynthManifest {
  label: string
  year: string
  seed: number
  children: number
  files: string[]
  rows: Record<string, number>
  errors: SeededError[]
}

export const SYNTHETIC_LABEL = 'Synthetic data: made up for testing, not about any real child'

export const SYNTH_FILES = {
  header: 'synthetic-903-header.csv',
  episodes: 'synthetic-903-episodes.csv',
  reviews: 'synthetic-903-reviews.csv',
  missing: 'synthetic-903-missing.csv',
  oc3: 'synthetic-903-oc3.csv',
  ad1: 'synthetic-903-ad1.csv',
  placedAdoption: 'synthetic-903-placed-adoption.csv',
  uasc: 'synthetic-903-uasc.csv',
  cin: 'synthetic-cin-census.xml',
  annexA: 'synthetic-annex-a.xlsx',
  manifest: 'synthetic-manifest.json',
} as const

const CSV_COLUMNS = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  oc3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  ad1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  placedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  uasc: ['CHILD', 'SEX', 'DOB', 'DUC'],
} as const
type CsvTable = keyof typeof CSV_COLUMNS

/** The 903 tables the synthetic set writes, each with its file. */
export const SYNTH_903_FILES = (Object.keys(CSV_COLUMNS) as CsvTable[]).map(
  (table) => [table, SYNTH_FILES[table]] as const,
)

const ANNEX_SHEETS = {
  contacts: {
    sheet: 'List 1 - Contacts',
    columns: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Date of Contact', 'Contact Source'],
  },
  referrals: {
    sheet: 'List 3 - Referrals',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
      'Allocated Worker',
    ],
  },
  assessments: {
    sheet: 'List 4 - Assessments',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Continuous Assessment Start Date',
      'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation',
      'Allocated Worker',
    ],
  },
  section47: {
    sheet: 'List 5 - Section 47',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an Initial Child Protection Conference deemed unnecessary?',
      'Date of Initial Child Protection Conference',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan',
    ],
  },
  cp: {
    sheet: 'List 7 - Child Protection',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Child Protection Plan Start Date',
      'Initial Category of Abuse',
      'Latest Category of Abuse',
      'Child Protection Plan End Date',
      'Number of Previous Child Protection Plans',
    ],
  },
  cla: {
    sheet: 'List 8 - Children in Care',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Legal Status',
      'Date Started to be Looked After',
      'Number of Placements in Last 12 Months',
      'Placement Type',
      'Placement Start Date',
      'Placement postcode',
      'Date Ceased to be Looked After',
      'Reason Ceased to be Looked After',
    ],
  },
  careLeavers: {
    sheet: 'List 9 - Care Leavers',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'In touch category',
      'Latest date of contact',
      'Type of Accommodation',
      'Suitability of Accommodation',
      'Activity Status',
      'Allocated Worker',
    ],
  },
  adoption: {
    sheet: 'List 10 - Adoption',
    columns: [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Date the Child Entered Care',
      'Date of Decision that Child Should be Placed for Adoption',
      'Date of Placement Order',
      'Date of Matching Child and Prospective Adopters',
      'Date Placed for Adoption',
      'Date of Adoption Order',
    ],
  },
} as const
type AnnexSheet = keyof typeof ANNEX_SHEETS

/** A small, fast generator (mulberry32): the same seed gives the same children. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  }
}
type Random = ReturnType<typeof random>

const DAY = 86_400_000
/** Days are counted from 1970-01-01, and written as the returns write them. */
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
const dmy = (day: number) => {
  const text = iso(day)
  return `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}`
}
const dayOf = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / DAY

/** A stream written in large pieces, waiting when the disk is behind, so memory stays flat. */
class Output {
  private parts: string[] = []
  private size = 0
  lines = 0
  constructor(private readonly stream: Writable) {}
  push(text: string) {
    this.parts.push(text, '\n')
    this.lines += 1
    this.size += text.length
  }
  async line(text: string) {
    this.push(text)
    await this.settle()
  }
  /** Writes what is held once there is enough of it. */
  async settle() {
    if (this.size > 1 << 20) await this.flush()
  }
  async flush() {
    if (this.parts.length === 0) return
    const ok = this.stream.write(this.parts.join(''))
    this.parts = []
    this.size = 0
    if (!ok) await new Promise((resolve) => this.stream.once('drain', resolve))
  }
  async close() {
    await this.flush()
    await new Promise<void>((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    )
  }
}

type AnnexCell = string | number | null | { d: number }

/** The Annex A workbook from each list's rows, one sheet after another, the files of rows removed. */
async function writeAnnexA(path: string, sheets: Record<AnnexSheet, { path: string }>) {
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true })
  workbook.addWorksheet('About').addRow([SYNTHETIC_LABEL]).commit()
  for (const name of Object.keys(ANNEX_SHEETS) as AnnexSheet[]) {
    const sheet = workbook.addWorksheet(ANNEX_SHEETS[name].sheet)
    sheet.addRow([...ANNEX_SHEETS[name].columns]).commit()
    let written = 0
    const lines = createInterface({ input: createReadStream(sheets[name].path), crlfDelay: Infinity })
    for await (const line of lines) {
      const cells = JSON.parse(line) as AnnexCell[]
      const row = sheet.addRow(
        cells.map((cell) => (cell !== null && typeof cell === 'object' ? new Date(cell.d * DAY) : cell)),
      )
      // Dates as Excel keeps them: a number, formatted as a date.
      cells.forEach((cell, at) => {
        if (cell !== null && typeof cell === 'object') row.getCell(at + 1).numFmt = 'dd/mm/yyyy'
      })
      row.commit()
      // A turn now and then lets the zip take what has been written.
      if (++written % 2000 === 0) await nextTurn()
    }
    sheet.commit()
    await rm(sheets[name].path)
  }
  await workbook.commit()
}

const csvLine = (cells: readonly (string | number)[]) => cells.join(',')
const xmlElement = (name: string, value: string | number) => `<${name}>${value}</${name}>`

const ETHNIC = [
  'WBRI',
  'WBRI',
  'WBRI',
  'WBRI',
  'WOTH',
  'MWBC',
  'MOTH',
  'AIND',
  'APKN',
  'BAFR',
  'BCRB',
  'CHNE',
  'OOTH',
] as const
const NEED = ['N1', 'N1', 'N1', 'N1', 'N2', 'N3', 'N4', 'N4', 'N5', 'N6', 'N8', 'N9'] as const
const ABUSE = ['NEG', 'NEG', 'NEG', 'EMO', 'EMO', 'EMO', 'PHY', 'SAB', 'MUL'] as const
const PLACES = ['U1', 'U3', 'U4', 'U4', 'U4', 'U6', 'U6', 'K2', 'R1', 'P1', 'H5', 'Z1'] as const
// No police protection (L1): it lasts 72 hours at most (rule 361), and a stay here lasts months.
const LEGAL = ['C2', 'C2', 'C2', 'V2', 'V2', 'E1', 'J2', 'C1'] as const
const MOVES = ['CARPL', 'CHILD', 'LAREQ', 'PLACE', 'APPRR', 'OTHER'] as const
const ENDS = ['E11', 'E12', 'E13', 'E41', 'E45', 'E48', 'E4A', 'E8', 'E15'] as const
const ACTIVITIES = ['F1', 'P1', 'F2', 'P2', 'F4', 'F5', 'G4', 'G5', 'G6'] as const
const ACCOMMODATIONS = ['B1', 'C1', 'D1', 'E1', 'G1', 'H1', 'K1', 'R1', 'S1', 'T1', 'U1', 'V1', 'Y1', 'Z1'] as const

const INWARD_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ']
const postcode = (r: Random) => `ZZ${r.int(1, 99)} ${r.int(1, 9)}${r.pick(INWARD_LETTERS)}${r.pick(INWARD_LETTERS)}`

/** The year's first and last days from "2023-24". */
export function collectionYear(year: string): { start: number; end: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(year)
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2]))
    throw new Error(`The year must be like 2023-24, not "${year}"`)
  const first = Number(match[1])
  return { start: dayOf(first, 4, 1), end: dayOf(first + 1, 3, 31) }
}

/** Writes the synthetic returns for `children` children into `out`, and the manifest; returns the manifest. */
export async function writeSyntheticReturns(options: SynthOptions): Promise<SynthManifest> {
  const { start, end } = collectionYear(options.year)
  const seed = options.seed ?? 1
  const r = random(seed)
  const withAnnexA = options.annexA ?? true
  // One kind of seeded error is in the workbook: without it, that kind could never be put in.
  if (!withAnnexA && (options.errors ?? 0) > 0) throw new Error('Seeded errors need the Annex A workbook')
  await mkdir(options.out, { recursive: true })
  const open = (name: string) => new Output(createWriteStream(join(options.out, name)))

  const csv = Object.fromEntries(
    (Object.keys(CSV_COLUMNS) as CsvTable[]).map((table) => [table, open(SYNTH_FILES[table])]),
  ) as Record<CsvTable, Output>
  for (const table of Object.keys(CSV_COLUMNS) as CsvTable[]) await csv[table].line(CSV_COLUMNS[table].join(','))
  const cin = open(SYNTH_FILES.cin)
  await cin.line('<?xml version="1.0" encoding="UTF-8"?>')
  await cin.line('<Message>')
  await cin.line(
    `<Header><CollectionDetails><Collection>CIN</Collection><Year>${options.year.slice(0, 2)}${options.year.slice(5)}</Year><ReferenceDate>${iso(end)}</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>SYNTHETIC</SoftwareCode><Release>${SYNTHETIC_LABEL}</Release></Source></Header>`,
  )
  await cin.line('<Children>')

  // A workbook is written a sheet at a time (a zip holds one part after another), so each list's
  // rows wait in a file of their own until the children are all written.
  const sheets = {} as Record<AnnexSheet, { output: Output; path: string; rows: number }>
  for (const name of withAnnexA ? (Object.keys(ANNEX_SHEETS) as AnnexSheet[]) : []) {
    const path = join(options.out, `.annex-a-${name}.jsonl`)
    sheets[name] = { output: new Output(createWriteStream(path)), path, rows: 1 }
  }
  // Without the workbook a list's row is still drawn (the same children either way), then dropped.
  const annexRow = (name: AnnexSheet, cells: AnnexCell[]) => {
    if (!withAnnexA) return 0
    sheets[name].output.push(JSON.stringify(cells))
    sheets[name].rows += 1
    return sheets[name].rows
  }
  const date = (day: number): AnnexCell => ({ d: day })
  const outputs = [cin, ...Object.values(csv), ...Object.values(sheets).map((sheet) => sheet.output)]

  const errors: SeededError[] = []
  const wanted = options.errors ?? 0
  // Errors go into the children spread evenly through the file, one kind after another.
  const errorEvery = wanted > 0 ? Math.max(1, Math.floor(options.children / wanted)) : Infinity
  // A child that cannot take the next error (one not looked after cannot have a bad episode) passes it on.
  let nextErrorAt = 0
  const rows: Record<string, number> = {}
  const count = (name: string) => (rows[name] = (rows[name] ?? 0) + 1)

  for (let index = 0; index < options.children; index += 1) {
    const id = `SYN${String(index + 1).padStart(7, '0')}`
    const sex = r.chance(0.52) ? 1 : 2
    const ethnic = r.pick(ETHNIC)
    const ageYears = r.int(0, 17)
    const dob = end - ageYears * 365 - r.int(0, 364)
    const upn = `Z${String(100_000_000_000 + index).slice(-12)}`
    const gender = sex === 1 ? 'a) Male' : 'b) Female'
    const annexCommon = (): AnnexCell[] => [id, gender, ethnic, date(dob)]
    const errorKind = errors.length < wanted && index >= nextErrorAt ? errors.length % 5 : -1
    const seededBefore = errors.length

    // Referrals: one in the year, and for some an earlier one (a re-referral within 12 months).
    const referrals: number[] = []
    if (r.chance(0.22)) {
      const earlier = start - r.int(30, 330)
      if (earlier > dob) referrals.push(earlier)
    }
    referrals.push(Math.max(dob, r.int(start, end - 30)))
    const lines: string[] = ['<Child>', '<ChildIdentifiers>', xmlElement('LAchildID', id), xmlElement('UPN', upn)]
    lines.push(xmlElement('PersonBirthDate', iso(dob)), xmlElement('GenderCurrent', sex), '</ChildIdentifiers>')
    lines.push('<ChildCharacteristics>', xmlElement('Ethnicity', ethnic), '<Disabilities>')
    lines.push(xmlElement('Disability', r.chance(0.1) ? 'LD' : 'NONE'), '</Disabilities>', '</ChildCharacteristics>')
    // The CIN census is written line by line, so that a seeded error can be found by its line.
    const cinLine = () => cin.lines + lines.length + 1
    let cpStart: number | null = null
    for (const [n, referral] of referrals.entries()) {
      const source = r.pick(REFERRAL_SOURCE) // any source the census allows: valid by construction
      const nfa = r.chance(0.08)
      const last = n === referrals.length - 1
      const closed = !last || r.chance(0.5)
      const closeAfter = closed ? r.int(10, 200) : 0
      // Most assessments are authorised within 45 working days (about 63 days).
      const assessed = referral + r.int(0, 3)
      let authorised = assessed + (r.chance(0.83) ? r.int(5, 60) : r.int(64, 120))
      // A referral from before the year is in the census because its case was open in the year:
      // its assessment is authorised and its case closed within the year, no later than the next
      // referral (rules 8620, 8696, 8820). A case closes only once its assessment is authorised
      // (rule 8867).
      if (!last) authorised = Math.max(authorised, start)
      let closure: number | null = null
      if (closed) {
        const day = nfa ? referral + closeAfter : Math.max(referral + closeAfter, authorised)
        if (!last) closure = Math.max(start, Math.min(day, referrals[n + 1]))
        else if (nfa || authorised <= end) closure = Math.min(end, day)
      }
      const detailsLine = cinLine()
      lines.push('<CINdetails>', xmlElement('CINreferralDate', iso(referral)))
      if (errorKind === 2 && n === referrals.length - 1) {
        errors.push({
          kind: 'referral source not a code',
          file: SYNTH_FILES.cin,
          table: 'cin_referrals',
          row: detailsLine,
          field: 'referral_source',
          value: 'ZZ',
        })
        lines.push(xmlElement('ReferralSource', 'ZZ'))
      } else lines.push(xmlElement('ReferralSource', source))
      lines.push(xmlElement('PrimaryNeedCode', r.pick(NEED)), xmlElement('ReferralNFA', nfa ? 'true' : 'false'))
      if (closure !== null)
        lines.push(
          xmlElement('CINclosureDate', iso(closure)),
          xmlElement('ReasonForClosure', nfa ? 'RC8' : r.pick(['RC1', 'RC2', 'RC4', 'RC8'])),
        )
      if (referral >= start) {
        annexRow('contacts', [...annexCommon(), date(referral - r.int(0, 3)), source])
        annexRow('referrals', [
          ...annexCommon(),
          date(referral),
          source,
          nfa ? 'a) Yes' : 'b) No',
          referrals.length - 1,
          `Synthetic Worker ${r.int(1, 400)}`,
        ])
      }
      if (nfa) {
        lines.push('</CINdetails>')
        continue
      }
      const assessmentLine = cinLine()
      if (errorKind === 3 && n === referrals.length - 1) {
        errors.push({
          kind: 'assessment start not a date',
          file: SYNTH_FILES.cin,
          table: 'cin_assessments',
          row: assessmentLine,
          field: 'start_date',
          value: '2023-13-01',
        })
        lines.push('<Assessments>', xmlElement('AssessmentActualStartDate', '2023-13-01'))
      } else lines.push('<Assessments>', xmlElement('AssessmentActualStartDate', iso(assessed)))
      if (authorised <= end) lines.push(xmlElement('AssessmentAuthorisationDate', iso(authorised)))
      lines.push('</Assessments>')
      if (assessed >= start)
        annexRow('assessments', [
          ...annexCommon(),
          date(assessed),
          r.chance(0.95) ? 'a) Yes' : 'b) No',
          authorised <= end ? date(authorised) : null,
          `Synthetic Worker ${r.int(1, 400)}`,
        ])
      if (r.chance(0.3)) {
        // Not after the year's end: an enquiry the census holds has started by then.
        const s47 = Math.min(end, assessed + r.int(0, 10))
        const conference = r.chance(0.4)
        // Most initial conferences are held within 15 working days (about 21 days).
        const icpc = conference ? s47 + (r.chance(0.78) ? r.int(5, 20) : r.int(22, 45)) : null
        const plan = icpc !== null && icpc <= end && r.chance(0.85)
        lines.push(
          '<Section47>',
          xmlElement('S47ActualStartDate', iso(s47)),
          xmlElement('InitialCPCtarget', iso(s47 + 21)),
        )
        if (icpc !== null && icpc <= end) lines.push(xmlElement('DateOfInitialCPC', iso(icpc)))
        lines.push(xmlElement('ICPCnotRequired', conference ? 'false' : 'true'), '</Section47>')
        if (s47 >= start)
          annexRow('section47', [
            ...annexCommon(),
            date(s47),
            conference ? 'b) No' : 'a) Yes',
            icpc !== null && icpc <= end ? date(icpc) : null,
            plan ? 'a) Yes' : 'b) No',
          ])
        if (plan && icpc !== null) {
          cpStart = icpc
          const planEnd = r.chance(0.4) ? Math.min(end, icpc + r.int(90, 400)) : null
          const previous = r.chance(0.75) ? 0 : r.int(1, 3)
          const category = r.pick(ABUSE)
          lines.push('<ChildProtectionPlans>', xmlElement('CPPstartDate', iso(icpc)))
          if (planEnd !== null && planEnd > icpc) lines.push(xmlElement('CPPendDate', iso(planEnd)))
          lines.push(xmlElement('InitialCategoryOfAbuse', category), xmlElement('LatestCategoryOfAbuse', category))
          lines.push(xmlElement('NumberOfPreviousCPP', previous), '</ChildProtectionPlans>')
          annexRow('cp', [
            ...annexCommon(),
            date(icpc),
            category,
            category,
            planEnd !== null && planEnd > icpc ? date(planEnd) : null,
            previous,
          ])
        }
      }
      if (r.chance(0.45)) {
        const planStart = Math.min(end, authorised)
        lines.push('<CINPlanDates>', xmlElement('CINPlanStartDate', iso(planStart)), '</CINPlanDates>')
      }
      lines.push('</CINdetails>')
    }
    lines.push('</Child>')
    for (const line of lines) cin.push(line)
    count('cin_children')

    // Looked after: about one in eight of the children, more of those with a plan.
    if (r.chance(cpStart !== null ? 0.3 : 0.1) || errorKind === 0 || errorKind === 1) {
      const entered = Math.max(dob, Math.min(end - 20, cpStart ?? r.int(start - 700, end - 20)))
      const home = postcode(r)
      const legal = r.pick(LEGAL)
      const need = r.pick(NEED.filter((code) => code !== 'N9'))
      const placements = 1 + (r.chance(0.3) ? r.int(1, 3) : 0)
      let day = entered
      let latest = { place: 'U4', start: entered, post: '' }
      let ceased: { day: number; reason: string } | null = null
      const headerRow = csv.header.lines + 1
      if (errorKind === 0) {
        errors.push({
          kind: 'sex not a code',
          file: SYNTH_FILES.header,
          table: 'ssda903_header',
          row: headerRow,
          field: 'sex',
          value: '3',
        })
        await csv.header.line(csvLine([id, 3, dmy(dob), ethnic, upn, '', '']))
      } else await csv.header.line(csvLine([id, sex, dmy(dob), ethnic, upn, sex === 2 && ageYears >= 15 ? 0 : '', '']))
      for (let p = 0; p < placements; p += 1) {
        const place = r.pick(PLACES)
        const post = postcode(r)
        const last = p === placements - 1
        const next = last ? null : Math.min(end - 1, day + r.int(30, 300))
        const stop = next !== null && next > day ? next : null
        let rec = ''
        let dec = ''
        if (stop !== null) dec = dmy(stop)
        if (last && r.chance(0.35)) {
          const finish = Math.min(end, day + r.int(20, 400))
          if (finish > day) {
            rec = ageYears >= 17 ? 'E8' : ageYears < 5 && r.chance(0.4) ? 'E11' : r.pick(ENDS)
            dec = dmy(finish)
            ceased = { day: finish, reason: rec }
          }
        } else if (stop !== null) rec = 'X1'
        const row = csv.episodes.lines + 1
        if (errorKind === 1 && p === 0) {
          errors.push({
            kind: 'episode start not a date',
            file: SYNTH_FILES.episodes,
            table: 'ssda903_episodes',
            row,
            field: 'decom',
            value: '31/02/2024',
          })
        }
        const decom = errorKind === 1 && p === 0 ? '31/02/2024' : dmy(day)
        const rne = p === 0 ? 'S' : 'P'
        await csv.episodes.line(
          csvLine([
            id,
            decom,
            rne,
            legal,
            need,
            place,
            place.startsWith('U') ? 'PR1' : 'PR4',
            dec,
            rec,
            p === 0 ? '' : r.pick(MOVES),
            home,
            post,
            String(100000 + r.int(0, 899999)),
          ]),
        )
        count('ssda903_episodes')
        latest = { place, start: day, post }
        if (stop === null) break
        day = stop
      }
      count('ssda903_header')
      for (let n = r.int(1, 3); n > 0; n -= 1) {
        await csv.reviews.line(
          csvLine([id, dmy(dob), dmy(Math.min(end, entered + n * 120)), r.pick(['PN1', 'PN1', 'PN2', 'PN3', 'PN0'])]),
        )
        count('ssda903_reviews')
      }
      if (ageYears >= 10 && r.chance(0.12)) {
        for (let n = r.int(1, 5); n > 0; n -= 1) {
          const away = r.int(start, end - 3)
          await csv.missing.line(
            csvLine([id, dmy(dob), r.chance(0.85) ? 'M' : 'A', dmy(away), dmy(away + r.int(0, 3))]),
          )
          count('ssda903_missing')
        }
      }
      if (r.chance(0.06) && ageYears >= 14) {
        await csv.uasc.line(csvLine([id, sex, dmy(dob), dmy(dob + 18 * 365)]))
        count('ssda903_uasc')
      }
      const placements12 = placements
      annexRow('cla', [
        ...annexCommon(),
        legal,
        date(entered),
        placements12,
        latest.place,
        date(latest.start),
        latest.post,
        ceased ? date(ceased.day) : null,
        ceased?.reason ?? null,
      ])
      if (ceased && (ceased.reason === 'E11' || ceased.reason === 'E12')) {
        // In order within the time in care: the decision, the match, the placement, then the order.
        const span = ceased.day - entered
        const decision = entered + Math.floor(span * 0.3)
        const matched = entered + Math.floor(span * 0.6)
        const placed = entered + Math.floor(span * 0.7)
        await csv.ad1.line(
          csvLine([
            id,
            dmy(dob),
            dmy(decision),
            dmy(matched),
            r.chance(0.2) ? 1 : 0,
            r.pick([1, 2]),
            r.pick(['MF', 'MF', 'FF', 'MM', 'F1']),
            'L0',
          ]),
        )
        await csv.placedAdoption.line(csvLine([id, dmy(dob), dmy(placed), '', '']))
        count('ssda903_ad1')
        count('ssda903_placed_adoption')
        annexRow('adoption', [
          ...annexCommon(),
          date(entered),
          date(decision),
          date(decision + Math.floor(span * 0.1)),
          date(matched),
          date(placed),
          date(ceased.day),
        ])
      }
    }
    // Care leavers: young people of 19 to 21 who were looked after, reported around their birthday.
    if (r.chance(0.03)) {
      const leaverDob = end - r.int(19, 21) * 365 - r.int(0, 364)
      const leaverId = `${id}L`
      const inTouch = r.chance(0.9) ? 'YES' : r.pick(['NO', 'REFU', 'NREQ'])
      const activity =
        inTouch === 'YES' ? (r.chance(0.56) ? r.pick(ACTIVITIES.slice(0, 6)) : r.pick(ACTIVITIES.slice(6))) : ''
      const accommodation = inTouch === 'YES' ? r.pick(ACCOMMODATIONS).slice(0, 1) + (r.chance(0.88) ? '1' : '2') : ''
      await csv.oc3.line(csvLine([leaverId, dmy(leaverDob), inTouch, activity, accommodation]))
      count('ssda903_oc3')
      annexRow('careLeavers', [
        leaverId,
        gender,
        ethnic,
        date(leaverDob),
        inTouch,
        date(end - r.int(0, 90)),
        accommodation || null,
        accommodation.endsWith('1') ? 'a) Yes' : accommodation ? 'b) No' : null,
        activity || null,
        `Synthetic Worker ${r.int(1, 400)}`,
      ])
    }
    if (errorKind === 4) {
      const row = annexRow('referrals', [...annexCommon(), 'not a date', '1B', 'b) No', 0, 'Synthetic Worker 1'])
      errors.push({
        kind: 'referral date not a date',
        file: SYNTH_FILES.annexA,
        table: 'annex_a_referrals',
        row,
        field: 'referral_date',
        value: 'not a date',
      })
    }
    if (errors.length > seededBefore) nextErrorAt = index + errorEvery
    for (const output of outputs) await output.settle()
  }

  await cin.line('</Children>')
  await cin.line('</Message>')
  await cin.close()
  for (const output of Object.values(csv)) await output.close()
  for (const [name, { output, rows: written }] of Object.entries(sheets)) {
    await output.close()
    rows[`annex_a_${name}`] = written - 1
  }
  if (withAnnexA) await writeAnnexA(join(options.out, SYNTH_FILES.annexA), sheets)

  const manifest: SynthManifest = {
    label: SYNTHETIC_LABEL,
    year: options.year,
    seed,
    children: options.children,
    files: Object.values(SYNTH_FILES).filter((file) => withAnnexA || file !== SYNTH_FILES.annexA),
    rows,
    errors,
  }
  await writeFile(join(options.out, SYNTH_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}
