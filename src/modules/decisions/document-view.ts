import { redact } from '#src/platform/exemption/redaction.ts'
import type { DecisionDocumentRow } from './repository.ts'

/** A decision's address and a document's within it. */
export const decisionPath = (slug: string) => `/decisions/${slug}`
export const documentPath = (slug: string, number: number) => `${decisionPath(slug)}/documents/${number}`

/**
 * A decision's document as one viewer may see it, built field by field so nothing exempt is
 * copied across by accident. Withheld: the label, title and paragraph only (no text, no link).
 */
export function documentForViewer(document: DecisionDocumentRow, decisionSlug: string, mayRead: boolean) {
  return redact([document], mayRead, {
    shown: { id: document.id, number: document.number, label: document.label, title: document.title },
    withheldAs: { body: null, href: null },
    content: () => ({
      body: document.body,
      /** Where to read it: its own page for text kept here, else the link. */
      href: document.url ?? documentPath(decisionSlug, document.number),
    }),
  })
}

export type DocumentView = ReturnType<typeof documentForViewer>
