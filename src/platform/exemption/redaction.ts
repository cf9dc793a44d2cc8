import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { type ExemptNotice, exemptNotice, isExempt } from './schedule-12a.ts'

/**
 * Shaping exempt records for one viewer, so exempt content never reaches a page, a feed or an
 * API answer they may not read. Results are built field by field: nothing is copied across that
 * is not named.
 */

export interface Exemption extends ExemptNotice {
  /** Why, and when to look again: only for those who may read the exempt material. */
  reason: string | null
  reviewOn: string | null
}

/** How a record's exemption is shown, or null when it is not exempt. */
export function exemptionOf(record: ExemptColumns, mayRead: boolean): Exemption | null {
  const notice = exemptNotice(record)
  if (!notice) return null
  return {
    ...notice,
    reason: mayRead ? record.exemptReason : null,
    reviewOn: mayRead ? record.exemptReviewOn : null,
  }
}

/**
 * The exemption that governs a record read within its parents (an appendix within its report within
 * its agenda item): its own, or else the nearest exempt one around it. `chain` runs innermost first.
 */
export function governingExemption(chain: ExemptColumns[], mayRead: boolean): Exemption | null {
  const exempt = chain.find(isExempt)
  return exempt ? exemptionOf(exempt, mayRead) : null
}

/** True when anything in the chain is exempt and this viewer may not read it. */
export function isWithheld(chain: Pick<ExemptColumns, 'exemptParagraph'>[], mayRead: boolean): boolean {
  return !mayRead && chain.some(isExempt)
}

/**
 * Exempt material a viewer may not read answers exactly as a missing record does: the same
 * NotFoundError, so a request cannot tell "exempt" from "not there".
 */
export function assertNotWithheld(chain: Pick<ExemptColumns, 'exemptParagraph'>[], mayRead: boolean, what: string) {
  if (isWithheld(chain, mayRead)) throw new NotFoundError(what)
}

type Governed = { exempt: Exemption | null }

/** A record as `redact` gives it: its content, or (withheld) the placeholders named for it. */
export type Redacted<Shown, Content, Hidden> =
  (Shown & Governed & { withheld: false } & Content) | (Shown & Governed & { withheld: true } & Hidden)

/**
 * A record (innermost of `chain`) as one viewer may see it: what everyone may see (`shown`), the
 * exemption that governs it, and its content only when the viewer may read it; otherwise
 * `withheldAs` stands in for every field of the content, and `content` is never called.
 */
export function redact<Shown extends object, Content extends object, Hidden extends Record<keyof Content, unknown>>(
  chain: ExemptColumns[],
  mayRead: boolean,
  parts: { shown: Shown; content: () => Content; withheldAs: Hidden },
): Redacted<Shown, Content, Hidden> {
  const base = { ...parts.shown, exempt: governingExemption(chain, mayRead) }
  if (isWithheld(chain, mayRead)) return { ...base, withheld: true as const, ...parts.withheldAs }
  return { ...base, withheld: false as const, ...parts.content() }
}
