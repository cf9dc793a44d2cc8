import { describe, expect, it } from 'vitest'
import { searchFilterView, searchParams, searchValues } from './filter-view.ts'

describe('searchParams', () => {
  it('keeps the words, types, body and dates as the form sends them, for another page', () => {
    const params = searchParams(
      { q: 'waiting list', type: ['decision', 'meeting'], body: 'cyp', from: '2023-09-01', to: '2024-08-31' },
      3,
    )
    expect(params.toString()).toBe(
      'q=waiting+list&type=decision&type=meeting&body=cyp&from-day=1&from-month=9&from-year=2023&to-day=31&to-month=8&to-year=2024&page=3',
    )
  })

  it('leaves out the filters not set', () => {
    expect(searchParams({ q: 'fostering', type: [], body: '', from: null, to: null }, 2).toString()).toBe(
      'q=fostering&page=2',
    )
  })
})

describe('searchFilterView', () => {
  it('ticks the types asked for, selects the body, and says the search is filtered', () => {
    const values = searchValues({ q: 'x', type: ['decision', 'body'], body: 'cyp', 'from-year': '2024' })
    const view = searchFilterView(values, [{ slug: 'cyp', name: 'Children’s scrutiny' }])
    expect(view.typeItems.filter((item) => item.checked).map((item) => item.value)).toEqual(['body', 'decision'])
    expect(view.bodyItems.find((item) => item.selected)?.value).toBe('cyp')
    expect(view.filtered).toBe(true)
  })

  it('is not filtered with words alone', () => {
    expect(searchFilterView(searchValues({ q: 'x' }), []).filtered).toBe(false)
  })
})
