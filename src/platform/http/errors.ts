/** A record that does not exist, or that this viewer may not know exists (exempt material). */
export class NotFoundError extends Error {
  readonly statusCode = 404
  constructor(what = 'Record') {
    super(`${what} not found`)
  }
}

/** Signed in, but the role does not allow this. */
export class ForbiddenError extends Error {
  readonly statusCode = 403
  constructor(message = 'You do not have permission to do this') {
    super(message)
  }
}

/** Not signed in, and the page needs an account. */
export class SignInRequiredError extends Error {
  readonly statusCode = 401
  constructor() {
    super('Sign in to continue')
  }
}

/** A rule of the domain refused the change; the message is shown to the user. */
export class RuleError extends Error {
  readonly statusCode = 409
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'RuleError'
  }
}

/** A record changed by someone else after an edit form was opened, as the refusal reports it. */
export interface EditConflict {
  /** How the message names the record, as it would start a sentence: "This meeting". */
  what: string
  /** True when `what` takes "were": "The figures for October 2023". */
  plural?: boolean
  /** The record's subject in the audit trail: its own, or its parent's (a milestone is audited under its plan). */
  subjectType: string
  subjectId: string | null
  /** The record's own id; null when there is no such record (yet). */
  recordId: string | null
  /** The version the form was opened at: 0 for a record not yet written, null when the form did not say. */
  expected: number | null
  /** The version the record is at now: 0 when it has not been written. */
  current: number
  /** Who made the change that is current, and when, from the audit trail; null when it has no record of it. */
  changedBy: string | null
  changedAt: Date | null
}

/**
 * Refuses a save made from a form opened at an older version of the record: the newer
 * version stays, and the editor is shown it rather than silently overwriting it.
 */
export class EditConflictError extends Error {
  readonly statusCode = 409
  constructor(readonly conflict: EditConflict) {
    super(`${conflict.subjectType} ${conflict.subjectId} is at version ${conflict.current}, not ${conflict.expected}`)
    this.name = 'EditConflictError'
  }
}

/** A request the service cannot read: the error page says why, by its kind. */
export class BadRequestError extends Error {
  readonly statusCode = 400
  constructor(readonly kind: 'bad-request' | 'unsavable-character' | 'upload-cut-short' = 'bad-request') {
    super('The request could not be read')
  }
}
