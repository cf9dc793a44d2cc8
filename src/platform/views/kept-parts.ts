import nunjucks from 'nunjucks'

/**
 * A part of a page that is the same for everyone given it, rendered once for each kept read it shows
 * (ADR 27, ADR 28): known by the kept object itself, and forgotten with it when the data changes.
 * A read not kept (tests, or several processes without the page cache) is rendered every time.
 * A render that fails is not kept.
 */
export function keptParts<K extends object, A extends unknown[] = []>(render: (key: K, ...more: A) => Promise<string>) {
  const kept = new WeakMap<K, Promise<nunjucks.runtime.SafeString>>()
  /** `more` must follow from `key` (its plan's address, say): it is read only when the part is first rendered. */
  return (key: K, ...more: A): Promise<nunjucks.runtime.SafeString> => {
    let part = kept.get(key)
    if (!part) {
      // Made flat once: Nunjucks builds its output by joining thousands of small strings, which the
      // engine would otherwise walk again inside every page that includes the part.
      part = render(key, ...more).then((html) => new nunjucks.runtime.SafeString(Buffer.from(html).toString()))
      part.catch(() => kept.delete(key))
      kept.set(key, part)
    }
    return part
  }
}
