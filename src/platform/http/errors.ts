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

/** A request the service cannot read: the error page says why, by its kind. */
export class BadRequestError extends Error {
  readonly statusCode = 400
  constructor(readonly kind: 'bad-request' | 'unsavable-character' | 'upload-cut-short' = 'bad-request') {
    super('The request could not be read')
  }
}
