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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
/** Text for XML, with the characters XML 1.0 forbids (control codes) taken out. */
const xml = (text: string) =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c])

/**
 * An Atom 1.0 feed (RFC 4287). Each entry's id is its page's address, which never changes for a
 * decision; the feed's `updated` is its newest entry's (or `now` when there are none).
 */
export function atomFeed(feed: { title: string; selfUrl: string; pageUrl: string; now: Date; entries: AtomEntry[] }) {
  const newest = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0))
  const updated = feed.entries.length ? newest : feed.now
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${xml(entry.url)}</id>
    <title>${xml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(entry.url)}"/>
    <published>${entry.published}T00:00:00Z</published>
    <updated>${entry.updated.toISOString()}</updated>
    <author><name>${xml(entry.author)}</name></author>
    <summary type="text">${xml(entry.summary)}</summary>
  </entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.selfUrl)}</id>
  <title>${xml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(feed.pageUrl)}"/>
  <updated>${updated.toISOString()}</updated>
${entries.join('\n')}
</feed>
`
}
