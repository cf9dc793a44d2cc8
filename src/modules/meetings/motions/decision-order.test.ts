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
  const undecided = { outcome: null, substantiveText: '' }
  const decided = { outcome: 'carried', substantiveText: '' } as const
  const substantive = { outcome: 'carried', substantiveText: 'As amended' } as const
  it('refuses an undecided amendment only when the motion is decided', () => {
    expect(amendmentOutcomeRefusal(undecided, null, [{ position: 1, outcome: null }])).toBeNull()
    expect(amendmentOutcomeRefusal(decided, 'lost', [{ position: 1, outcome: 'lost' }])).toBeNull()
    expect(amendmentOutcomeRefusal(decided, null, [{ position: 1, outcome: null }])).toBe(
      'Record the outcome of the amendment: the motion it amends has been decided',
    )
  })
  it('refuses taking away the last carried or accepted amendment of a substantive motion', () => {
    const refusal =
      'The motion has a substantive motion, so an amendment to it must be carried or accepted: change the motion first'
    expect(amendmentOutcomeRefusal(substantive, 'lost', [{ position: 1, outcome: 'lost' }])).toBe(refusal)
    const another = [
      { position: 1, outcome: 'lost' },
      { position: 2, outcome: 'accepted' },
    ] as const
    expect(amendmentOutcomeRefusal(substantive, 'lost', [...another])).toBeNull()
  })
})
