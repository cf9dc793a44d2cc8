import { describe, expect, it } from 'vitest'
import { lineChart, niceScale, runsOf } from './line-chart.ts'

const chart = (overrides: Partial<Parameters<typeof lineChart>[0]> = {}) =>
  String(
    lineChart({
      id: 'slt',
      title: 'Speech & language <therapy>',
      description: 'Referrals waiting fell from 650 to 331.',
      yLabel: 'Children',
      series: [
        {
          name: 'Referrals waiting',
          points: [
            { x: 0, label: 'Feb 2022', y: 650 },
            { x: 22, label: 'Dec 2023', y: 331 },
          ],
        },
        {
          name: 'Over 18 weeks',
          points: [
            { x: 0, label: 'Feb 2022', y: 441 },
            { x: 22, label: 'Dec 2023', y: null },
          ],
        },
      ],
      ...overrides,
    }),
  )

describe('lineChart', () => {
  it('is an image named by its title and description, with text escaped', () => {
    const svg = chart()
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="slt-title slt-desc"/)
    expect(svg).toContain('<title id="slt-title">Speech &amp; language &lt;therapy&gt;</title>')
    expect(svg).toContain('<desc id="slt-desc">Referrals waiting fell from 650 to 331.</desc>')
    expect(svg).not.toContain('style=')
  })

  it('draws a line through known figures only, and a marker for each', () => {
    const svg = chart()
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(1) // the second series has one known point
    const joined = String(
      lineChart({
        id: 'gap',
        title: 't',
        description: 'd',
        yLabel: 'y',
        series: [
          {
            name: 's',
            points: [
              { x: 0, label: 'a', y: 1 },
              { x: 1, label: 'b', y: null },
              { x: 2, label: 'c', y: 3 },
            ],
          },
        ],
      }),
    )
    expect(joined.match(/<path d="M[^"]*L[^"]*" fill="none"/g)).toHaveLength(1) // joined across the missing figure
    expect(svg.match(/<circle /g)).toHaveLength(3) // two points and the key
    expect(svg.match(/<rect /g)).toHaveLength(2) // one point and the key
    expect(svg).toContain('stroke-dasharray="8 4"')
  })

  it('breaks the line at a missing month and at a missing figure when told how far apart points may be', () => {
    const points = [
      { x: 0, label: 'Jan', y: 5 },
      { x: 1, label: 'Feb', y: 6 },
      // March has no figures at all: no point.
      { x: 3, label: 'Apr', y: 4 },
      { x: 4, label: 'May', y: null },
      { x: 5, label: 'Jun', y: 7 },
      { x: 6, label: 'Jul', y: 8 },
    ]
    expect(runsOf(points, 1).map((run) => run.map((point) => point.label))).toEqual([
      ['Jan', 'Feb'],
      ['Apr'],
      ['Jun', 'Jul'],
    ])
    expect(runsOf(points).map((run) => run.length)).toEqual([5])
    const svg = String(
      lineChart({ id: 'm', title: 't', description: 'd', yLabel: 'y', breakOver: 1, series: [{ name: 's', points }] }),
    )
    // Two lines (Jan–Feb, Jun–Jul); April stands alone as a marker.
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(2)
    expect(svg.match(/<circle /g)).toHaveLength(6) // five figures and the key
  })

  it('leaves out an x label that would overlap the next', () => {
    const crowded = String(
      lineChart({
        id: 'c',
        title: 't',
        description: 'd',
        yLabel: 'y',
        series: [
          {
            name: 's',
            points: [
              { x: 0, label: 'Feb 2022', y: 1 },
              { x: 21, label: 'Nov 2023', y: 2 },
              { x: 22, label: 'Dec 2023', y: 3 },
            ],
          },
        ],
      }),
    )
    expect(crowded).toContain('>Dec 2023</text>')
    expect(crowded).not.toContain('>Nov 2023</text>')
    expect(crowded).toContain('>Feb 2022</text>')
  })

  it('labels the x axis and keys each series', () => {
    const svg = chart()
    expect(svg).toContain('>Feb 2022</text>')
    expect(svg).toContain('>Dec 2023</text>')
    expect(svg).toContain('>Referrals waiting</text>')
    expect(svg).toContain('>Over 18 weeks</text>')
  })
})

describe('niceScale', () => {
  it.each([
    [650, 800, 200],
    [331, 400, 100],
    [49, 60, 20],
    [3, 3, 1],
    [0, 1, 1],
  ])('a top figure of %d gives an axis to %d in steps of %d', (max, top, step) => {
    expect(niceScale(max)).toEqual({ top, step })
  })
})
