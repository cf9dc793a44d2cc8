import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import { atomFeed } from './atom-feed.ts'
import { parseXml } from '../../../test/support/xml.ts'

/** What a feed reader shows for an element: its text, read as HTML when the feed says it is HTML. */
const shown = (element: { text: string; attributes: Record<string, string> } | undefined) =>
  element?.attributes.type === 'html' ? load(element.text).text() : element?.text

const base = {
  title: 'Decisions',
  selfUrl: 'https://example.org/decisions.atom',
  pageUrl: 'https://example.org/decisions',
}

describe('atomFeed', () => {
  it('is well-formed Atom with one entry per decision, escaping what officers wrote', () => {
    const feed = atomFeed({
      ...base,
      now: new Date('2024-01-22T09:00:00Z'),
      entries: [
        {
          url: 'https://example.org/decisions/ex48-2023',
          title: 'EX48/2023: Highfurlong <phase two> & more',
          updated: new Date('2023-12-12T10:00:00Z'),
          published: '2023-12-11',
          summary: 'Budget of £1.99 million \u0007',
          author: 'Councillor Kath Benson',
        },
      ],
    })
    const elements = parseXml(feed)
    expect(elements[0]).toMatchObject({ name: 'feed', uri: 'http://www.w3.org/2005/Atom' })
    expect(elements.filter((e) => e.name === 'entry')).toHaveLength(1)
    expect(shown(elements.find((e) => e.name === 'title' && e.text.startsWith('EX48')))).toBe(
      'EX48/2023: Highfurlong <phase two> & more',
    )
    expect(shown(elements.find((e) => e.name === 'summary'))).toBe('Budget of £1.99 million ')
    expect(elements.find((e) => e.name === 'name')?.text).toBe('Councillor Kath Benson')
    expect(elements.filter((e) => e.name === 'updated').map((e) => e.text)).toEqual([
      '2023-12-12T10:00:00.000Z',
      '2023-12-12T10:00:00.000Z',
    ])
    expect(elements.find((e) => e.name === 'published')?.text).toBe('2023-12-11T00:00:00.000Z')
  })

  it('is still a valid feed when there is nothing in it', () => {
    const elements = parseXml(atomFeed({ ...base, now: new Date('2024-01-22T09:00:00Z'), entries: [] }))
    expect(elements.filter((e) => e.name === 'entry')).toHaveLength(0)
    expect(elements.find((e) => e.name === 'updated')?.text).toBe('2024-01-22T09:00:00.000Z')
  })

  it('names the Open Government Licence in its rights', () => {
    const elements = parseXml(atomFeed({ ...base, now: new Date('2024-01-22T09:00:00Z'), entries: [] }))
    expect(elements.find((e) => e.name === 'rights')?.text).toBe(
      'Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    )
  })

  it('takes its id and links from the addresses it is given', () => {
    const elements = parseXml(atomFeed({ ...base, now: new Date('2024-01-22T09:00:00Z'), entries: [] }))
    expect(elements.find((e) => e.name === 'id')?.text).toBe('https://example.org/decisions.atom')
    const links = elements.filter((e) => e.name === 'link').map((e) => [e.attributes.rel, e.attributes.href])
    expect(links).toEqual([
      ['alternate', 'https://example.org/decisions'],
      ['self', 'https://example.org/decisions.atom'],
    ])
  })
})
