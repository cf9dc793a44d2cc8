import { describe, expect, it } from 'vitest'
import { type ReadinessInput, whatIsMissing } from './publish-readiness.ts'

const ready: ReadinessInput = {
  meetingDate: '2024-01-25',
  today: '2024-01-25',
  agendaPublished: true,
  attendance: [
    { status: 'present', chaired: true },
    { status: 'apologies', chaired: false },
  ],
  items: [
    { number: '1', position: 1, title: 'Declarations of interest', minute: 'None.', resolutionCount: 0 },
    { number: '2', position: 2, title: 'Forward plan', minute: '', resolutionCount: 2 },
  ],
  noDeclarations: true,
  declarationCount: 0,
}

describe('whatIsMissing before publishing', () => {
  it.each<[string, Partial<ReadinessInput>, string[]]>([
    ['nothing when everything is recorded, on the day of the meeting', {}, []],
    ['nothing after the meeting', { today: '2024-03-01' }, []],
    ['the meeting itself, before it takes place', { today: '2024-01-24' }, ['Wait until the meeting has taken place']],
    ['the agenda first, while it is a draft', { agendaPublished: false }, ['Publish the agenda of the meeting']],
    ['nothing when declarations are recorded instead of none', { noDeclarations: false, declarationCount: 1 }, []],
    [
      'everyone and the chair when nobody is recorded',
      { attendance: [] },
      ['Record at least one person as present', 'Record who chaired the meeting'],
    ],
    [
      'someone present when only apologies are recorded',
      { attendance: [{ status: 'apologies', chaired: false }] },
      ['Record at least one person as present', 'Record who chaired the meeting'],
    ],
    [
      'the attendance of anyone still expected, as before the meeting',
      {
        attendance: [
          { status: 'present', chaired: true },
          { status: 'expected', chaired: false },
        ],
      },
      ['Record whether the people still expected attended'],
    ],
    [
      'someone present in the room: remote attendance alone is not enough',
      { attendance: [{ status: 'present remotely', chaired: false }] },
      ['Record at least one person as present', 'Record who chaired the meeting'],
    ],
    [
      'the chair when nobody chaired',
      { attendance: [{ status: 'present', chaired: false }] },
      ['Record who chaired the meeting'],
    ],
    [
      'the declarations when neither declarations nor none are recorded',
      { noDeclarations: false, declarationCount: 0 },
      ['Record the declarations of interest, or that there were none'],
    ],
    [
      'each item with neither a minute nor a resolution, by its number when it has one',
      {
        items: [
          { number: '1', position: 1, title: 'Public speaking', minute: '  ', resolutionCount: 0 },
          { number: '2', position: 2, title: 'Forward plan', minute: 'Noted.', resolutionCount: 0 },
          { number: '3a', position: 3, title: 'Workplan', minute: '', resolutionCount: 0 },
          { number: null, position: 4, title: 'Any other business', minute: '', resolutionCount: 0 },
        ],
      },
      [
        'Write a minute or a resolution for item 1: Public speaking',
        'Write a minute or a resolution for item 3a: Workplan',
        'Write a minute or a resolution for Any other business',
      ],
    ],
  ])('lists %s', (_name, change, expected) => {
    expect(whatIsMissing({ ...ready, ...change }).map((part) => part.text)).toEqual(expected)
  })

  it('points each gap at its section of the recording page', () => {
    const missing = whatIsMissing({
      ...ready,
      attendance: [],
      noDeclarations: false,
      items: [{ number: '4a', position: 5, title: 'X', minute: '', resolutionCount: 0 }],
    })
    expect(missing.map((part) => part.anchor)).toEqual(['attendance', 'attendance', 'declarations', 'item-5'])
  })
})
