import { describe, expect, it } from 'vitest'
import { sparkline } from './sparkline.ts'

describe('sparkline', () => {
  it('is an image named by its label, with a dot per actual, a line between them and a bar per target', () => {
    const svg = String(
      sparkline({
        label: 'Section 47 rate: 478 then 422',
        actuals: [478, 422, null, null],
        targets: [null, 450, 400, 350],
      }),
    )
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Section 47 rate: 478 then 422"/)
    expect(svg.match(/<circle /g)).toHaveLength(2)
    expect(svg.match(/<path /g)).toHaveLength(2) // the actuals, and a faint line through the targets
    expect(svg.match(/<line /g)).toHaveLength(3)
  })

  it('is nothing when there are no figures, and escapes its label', () => {
    expect(String(sparkline({ label: 'x', actuals: [null], targets: [null] }))).toBe('')
    expect(String(sparkline({ label: 'a < b & "c"', actuals: [1], targets: [] }))).toContain(
      'aria-label="a &lt; b &amp; &quot;c&quot;"',
    )
  })
})
