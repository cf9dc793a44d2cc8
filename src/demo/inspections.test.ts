import { seedLines } from '../../test/support/seeds.ts'
import { describe, expect, it } from 'vitest'
import { type DemoImprovement, FINDING_KINDS, INSPECTION_KINDS, JUDGEMENTS } from '#src/modules/improvement/index.ts'
import { testDatabases } from '../../test/support/databases.ts'
import { openDemoDatabase } from '../../test/support/demo-database.ts'
import { readDemoDataset } from './dataset.ts'

type DemoInspection = DemoImprovement['inspections'][number]
const DEMO_INSPECTIONS = readDemoDataset().improvement.inspections

// seedLines looks in OVERSIGHT_SEEDS_DIR, then ../shared/seeds; without the papers those checks are skipped.
const PACK = seedLines('000_584beb4c97a436e5.txt')
const REPORT_2014 = seedLines('004_915f2e0e2758f309.txt')

function inspection(slug: string): DemoInspection {
  const found = DEMO_INSPECTIONS.find((demo) => demo.slug === slug)
  if (!found) throw new Error(`no demo inspection ${slug}`)
  return found
}

const texts = (slug: string, kind: string) =>
  inspection(slug)
    .findings.filter((finding) => finding.kind === kind)
    .sort((a, b) => a.number - b.number)
    .map((finding) => finding.text.toLowerCase())

/** The bullets ("- …") that follow the first line matching `heading`, up to the first non-bullet line. */
function bulletsAfter(lines: string[], heading: RegExp): string[] {
  const start = lines.findIndex((line) => heading.test(line))
  expect(start, `the paper has a line matching ${heading}`).toBeGreaterThan(-1)
  const bullets: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' && bullets.length === 0) continue
    if (!line.trim().startsWith('- ')) break
    bullets.push(line.trim().slice(2).toLowerCase())
  }
  return bullets
}

/** The key words of each of the four bullets of Appendix 8(b)'s introduction, in order. */
const ILACS_KEY_WORDS = [
  ['domestic abuse', 'neglect', 'complex needs'],
  ['early help', 'neglect'],
  ['placements', 'needs'],
  ['dental', 'emotional'],
]
/** The further areas Appendix 8(a) names, in its order. */
const ILACS_FURTHER_KEY_WORDS = ['private', 'public law outline', 'blackpool families rock', 'unregistered']

describe('the demo inspections', () => {
  it('have unique slugs, known kinds and judgements on the four-point scale', () => {
    const slugs = DEMO_INSPECTIONS.map((demo) => demo.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    expect(slugs.sort()).toEqual(['ilacs-2022', 'lscb-review-2014', 'ofsted-2014', 'send-2022'])
    for (const demo of DEMO_INSPECTIONS) {
      expect(INSPECTION_KINDS).toContain(demo.kind)
      if (demo.overallJudgement !== null) expect(JUDGEMENTS).toContain(demo.overallJudgement)
      for (const { judgement } of demo.judgements) expect(JUDGEMENTS).toContain(judgement)
    }
  })

  it('number each kind of finding 1, 2, 3… and keep every finding short', () => {
    for (const demo of DEMO_INSPECTIONS) {
      for (const kind of FINDING_KINDS) {
        const numbers = demo.findings.filter((finding) => finding.kind === kind).map((finding) => finding.number)
        expect(numbers, `${demo.slug} ${kind}`).toEqual(numbers.map((_, index) => index + 1))
      }
      for (const finding of demo.findings) {
        expect(finding.text.length, finding.text).toBeLessThanOrEqual(300)
        expect(finding.text).toMatch(/^[A-Z].*\.$/)
      }
      expect(demo.summary.length).toBeLessThanOrEqual(400)
    }
  })

  it('give ILACS the four areas of Appendix 8(b) first, then the four further areas of Appendix 8(a)', () => {
    const areas = texts('ilacs-2022', 'area for improvement')
    expect(areas).toHaveLength(4 + ILACS_FURTHER_KEY_WORDS.length)
    ILACS_KEY_WORDS.forEach((words, index) => {
      for (const word of words) expect(areas[index], `area ${index + 1}`).toContain(word)
    })
    ILACS_FURTHER_KEY_WORDS.forEach((word, index) => expect(areas[4 + index]).toContain(word))
    expect(inspection('ilacs-2022').overallJudgement).toBeNull()
    expect(inspection('ilacs-2022').judgements).toEqual([])
  })

  it('give the SEND inspection its four significant weaknesses, the last the therapy waiting times', () => {
    const send = inspection('send-2022')
    const weaknesses = texts('send-2022', 'significant weakness')
    expect(weaknesses).toHaveLength(4)
    expect(send.findings).toHaveLength(4)
    expect(weaknesses[3]).toMatch(/therap/)
    expect(weaknesses[3]).toMatch(/wait/)
    expect(send.judgements).toEqual([])
    expect(send.overallJudgement).toBeNull()
    expect([send.startedOn, send.endedOn, send.publishedOn]).toEqual(['2022-02-28', '2022-03-04', '2022-05-26'])
  })
})

describe.skipIf(!PACK)('the ILACS and SEND findings against the 25 January 2024 pack', () => {
  const lines = PACK ?? []

  it('match the four bullets of Appendix 8(b)’s introduction, in order', () => {
    const bullets = bulletsAfter(lines, /key areas that we need to develop/)
    expect(bullets).toHaveLength(4)
    const areas = texts('ilacs-2022', 'area for improvement')
    ILACS_KEY_WORDS.forEach((words, index) => {
      for (const word of words) {
        expect(bullets[index], `bullet ${index + 1}`).toContain(word)
        expect(areas[index], `area ${index + 1}`).toContain(word)
      }
    })
  })

  it('continue with the further areas Appendix 8(a) names, in its order', () => {
    const bullets = bulletsAfter(lines, /a number of other areas we identified/)
    expect(bullets).toHaveLength(ILACS_FURTHER_KEY_WORDS.length)
    ILACS_FURTHER_KEY_WORDS.forEach((word, index) => expect(bullets[index]).toContain(word))
    expect(lines.some((line) => line.includes('concluded December 2022 and published February 2023'))).toBe(true)
  })

  it('list the same four significant weaknesses as the Written Statement of Action update', () => {
    const start = lines.findIndex((line) => line.includes('Significant areas of weakness'))
    const listed = lines.slice(start, start + 12).filter((line) => /^[1-4]\. /.test(line))
    expect(listed).toHaveLength(4)
    expect(listed[3]).toMatch(/long waiting time for some therapies/)
    expect(lines.some((line) => line.includes('between 28th February 2022 and 4th March 2022'))).toBe(true)
    expect(lines.some((line) => line.includes('published and made publically available on 26 May 2022'))).toBe(true)
  })
})

describe.skipIf(!REPORT_2014)('the 2014 judgements against the report', () => {
  const lines = (REPORT_2014 ?? []).map((line) => line.replace(/<[^>]+>/g, '').toLowerCase())
  /** "requires improvement" also reads "require improvement" in the report's sentences. */
  const grade = (judgement: string) => new RegExp(judgement.replace(/^requires /, 'requires? '))

  it('give each area the grade the report prints beside it', () => {
    const demo = inspection('ofsted-2014')
    expect(demo.judgements).toHaveLength(5)
    for (const { area, judgement } of demo.judgements) {
      const line = lines.find((candidate) => candidate.includes(area.toLowerCase()) && /\t/.test(candidate))
      expect(line, area).toBeDefined()
      expect(line, area).toMatch(grade(judgement))
    }
  })

  it('give the overall grades of the local authority and the LSCB', () => {
    const overall = lines.find((line) => line.includes('the overall judgement is that'))
    expect(overall).toMatch(grade(inspection('ofsted-2014').overallJudgement ?? 'none'))
    const lscb = lines.find((line) => line.includes('the local safeguarding children board requires'))
    expect(lscb).toMatch(grade(inspection('lscb-review-2014').overallJudgement ?? 'none'))
  })

  it('keep the report’s counts of priority actions, areas for improvement and strengths', () => {
    const counts = (slug: string) => FINDING_KINDS.map((kind) => texts(slug, kind).length)
    // Paragraphs 9–10, 11–27 and 28–41; for the LSCB 144, 145–151 and 152–154.
    // The kinds after Ofsted's four (recommendation, area for priority action, other) have none.
    expect(counts('ofsted-2014')).toEqual([2, 17, 0, 14, 0, 0, 0])
    expect(counts('lscb-review-2014')).toEqual([1, 7, 0, 3, 0, 0, 0])
    expect(lines.some((line) => line.startsWith('27. take robust action to recruit'))).toBe(true)
    expect(lines.some((line) => line.startsWith('41. improvements in the adoption service'))).toBe(true)
    expect(lines.some((line) => line.startsWith('151. ensure that the annual report'))).toBe(true)
  })
})

describe.each(testDatabases())('the demo inspections as loaded on $name', (database) => {
  it('stores every inspection, judgement and finding as the data gives them', async () => {
    const handle = await openDemoDatabase(database)
    try {
      const expected = DEMO_INSPECTIONS.flatMap((demo) =>
        demo.findings.map((finding) => `${demo.slug}:${finding.kind}:${finding.number}`),
      )
      expect(expected).toContain('ilacs-2022:area for improvement:3')
      expect(expected).toContain('send-2022:significant weakness:4')

      const findings = await handle.db
        .selectFrom('inspectionFindings')
        .innerJoin('inspections', 'inspections.id', 'inspectionFindings.inspectionId')
        .select(['inspections.slug', 'inspectionFindings.kind', 'inspectionFindings.number'])
        .execute()
      expect(findings.map((row) => `${row.slug}:${row.kind}:${row.number}`).sort()).toEqual([...expected].sort())

      const judgements = await handle.db
        .selectFrom('inspectionJudgements')
        .innerJoin('inspections', 'inspections.id', 'inspectionJudgements.inspectionId')
        .select(['inspections.slug', 'inspectionJudgements.area', 'inspectionJudgements.position'])
        .orderBy('inspectionJudgements.position')
        .execute()
      expect(judgements.map((row) => row.area)).toEqual(inspection('ofsted-2014').judgements.map((j) => j.area))
      const ilacs = await handle.db
        .selectFrom('inspections')
        .selectAll()
        .where('slug', '=', 'ilacs-2022')
        .executeTakeFirstOrThrow()
      expect([ilacs.startedOn, ilacs.endedOn, ilacs.publishedOn]).toEqual([null, '2022-12-31', '2023-02-28'])
    } finally {
      await handle.close()
    }
  })
})
