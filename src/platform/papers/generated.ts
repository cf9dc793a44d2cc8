import type { Context } from '#src/platform/auth/user.ts'
import type { GeneratedPaper } from './paper.ts'

export type { GeneratedPaper } from './paper.ts'

/**
 * An appendix that a module generates from the live record (the tracker, the work programme, the
 * waiting-list dashboard…), offered to report authors beside uploading a file. The module that owns
 * the record builds it; the meetings module stores it with the report as a PDF, like an upload.
 */

/** One thing the appendix can be about, when it covers one of several (a plan, a month, a period). */
export interface AppendixSubject {
  value: string
  text: string
}

/** What the appendix is for: the committee whose report it joins, the date it speaks for and what it covers. */
export interface GeneratedAppendixRequest {
  body: { id: string; slug: string; name: string }
  /** 'YYYY-MM-DD': the record as it stood at the end of this day. */
  on: string
  /** The chosen subject's value, when the kind has subjects. */
  subject: string | null
}

export interface GeneratedAppendixKind {
  /** Stable, for the form: 'tracker', 'work-programme'… */
  key: string
  /** As an officer would name it: "Recommendations tracker". */
  label: string
  hint?: string
  subject?: {
    /** The question: "Which improvement plan?" */
    label: string
    /** When none is chosen: "Select which improvement plan". */
    error: string
    choices: (ctx: Context) => Promise<AppendixSubject[]>
  }
  build: (ctx: Context, request: GeneratedAppendixRequest) => Promise<GeneratedPaper>
}
