import { Feed } from 'feed'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'
import { escapeHtml } from '#src/platform/views/filters.ts'

export interface AtomEntry {
  /** The entry's page on this site, absolute; also its permanent id. */
  url: string
  title: string
  updated: Date
  /** The day the decision was taken, 'YYYY-MM-DD'. */
  published: string
  summary: string
  author: string
}

/** Characters XML 1.0 does not allow at all, even escaped (control codes): taken out of what officers wrote. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const plain = (text: string) => text.replace(NOT_XML, '')
/**
 * The `feed` package writes entry titles and summaries as HTML (type="html"): plain text is escaped
 * first, so that a reader shows "<phase two>" as written rather than as a tag.
 */
const asHtml = (text: string) => escapeHtml(plain(text))

/**
 * An Atom 1.0 feed (RFC 4287). Each entry's id is its page's address, which never changes for a
 * decision; the feed's `updated` is its newest entry's (or `now` when there are none). Its `rights`
 * name the open data licence, as every answer of the API does.
 */
export function atomFeed(feed: { title: string; selfUrl: string; pageUrl: string; now: Date; entries: AtomEntry[] }) {
  const newest = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0))
  const atom = new Feed({
    title: plain(feed.title),
    id: feed.selfUrl,
    link: feed.pageUrl,
    feed: feed.selfUrl,
    updated: feed.entries.length ? newest : feed.now,
    generator: 'Oversight',
    copyright: `${OPEN_DATA_LICENCE.name}: ${OPEN_DATA_LICENCE.url}`,
  })
  for (const entry of feed.entries) {
    atom.addItem({
      id: entry.url,
      link: entry.url,
      title: asHtml(entry.title),
      date: entry.updated,
      published: new Date(`${entry.published}T00:00:00Z`),
      description: asHtml(entry.summary),
      author: [{ name: plain(entry.author) }],
    })
  }
  return atom.atom1()
}
