import { describe, expect, it } from 'vitest'
import { NO_REQUESTS_WITH_SPEAKERS, noRequestsRefusal, participantRefusal } from './no-requests.ts'

const none = { speakers: 0, questions: 0, noRequestsItem: null }
const saidNoOne = { number: '3', title: 'Public speaking' }

describe('noRequestsRefusal', () => {
  it.each([
    ['nothing recorded', none, null],
    ['a speaker', { ...none, speakers: 1 }, NO_REQUESTS_WITH_SPEAKERS],
    ['a question', { ...none, questions: 2 }, NO_REQUESTS_WITH_SPEAKERS],
    ['the item already saying so', { ...none, noRequestsItem: saidNoOne }, null],
  ])('with %s: %s', (_case, record, expected) => {
    expect(noRequestsRefusal(record)).toBe(expected)
  })
})

describe('participantRefusal', () => {
  it('lets a speaker or question be recorded while no item says no one asked', () => {
    expect(participantRefusal({ ...none, speakers: 3 })).toBeNull()
  })

  it('names the item that says no one asked, by its number or else its title', () => {
    expect(participantRefusal({ ...none, noRequestsItem: saidNoOne })).toBe(
      'Item 3 records that no members of the public asked to speak: change that item first',
    )
    expect(participantRefusal({ ...none, noRequestsItem: { number: null, title: 'Public participation' } })).toBe(
      'Item “Public participation” records that no members of the public asked to speak: change that item first',
    )
  })
})
