import { describe, expect, it } from 'vitest'
import { amendmentOutcomeRefusal, motionOutcomeRefusal, substantiveMotionRefusal } from './decision-order.ts'

describe('motionOutcomeRefusal', () => {
  it.each([
    { outcome: null, amendments: [{ position: 1, outcome: null }], refusal: null },
    { outcome: 'carried', amendments: [], refusal: null },
    { outcome: 'carried', amendments: [{ position: 1, outcome: 'lost' }], refusal: null },
    {
      outcome: 'carried',
      amendments: [
        { position: 1, outcome: 'lost' },
        { position: 2, outcome: null },
        { position: 3, outcome: null },
      ],
      refusal: 'Record the outcome of amendment 2 first',
    },
    {
      outcome: 'withdrawn',
      amendments: [{ position: 1, outcome: null }],
      refusal: 'Record the outcome of amendment 1 first',
    },
  ] as const)('$outcome with $amendments.length amendments → $refusal', ({ outcome, amendments, refusal }) => {
    expect(motionOutcomeRefusal(outcome, [...amendments])).toBe(refusal)
  })
})

describe('substantiveMotionRefusal', () => {
  const refused = 'Leave the substantive motion blank unless an amendment was carried or accepted'
  it.each([
    { text: '', amendments: [], refusal: null },
    { text: 'As amended', amendments: [], refusal: refused },
    {
      text: 'As amended',
      amendments: [
        { position: 1, outcome: 'lost' },
        { position: 2, outcome: null },
      ],
      refusal: refused,
    },
    { text: 'As amended', amendments: [{ position: 1, outcome: 'carried' }], refusal: null },
    {
      text: 'As amended',
      amendments: [
        { position: 1, outcome: 'withdrawn' },
        { position: 2, outcome: 'accepted' },
      ],
      refusal: null,
    },
  ] as const)('"$text" after $amendments → $refusal', ({ text, amendments, refusal }) => {
    expect(substantiveMotionRefusal(text, [...amendments])).toBe(refusal)
  })
})

describe('amendmentOutcomeRefusal', () => {
  it('refuses an undecided amendment only when the motion is decided', () => {
    expect(amendmentOutcomeRefusal(null, null)).toBeNull()
    expect(amendmentOutcomeRefusal('carried', 'lost')).toBeNull()
    expect(amendmentOutcomeRefusal('carried', null)).toBe(
      'Record the outcome of the amendment: the motion it amends has been decided',
    )
  })
})
