import { createHmac } from 'node:crypto'

/** The environment variable that holds the key; the same key must be used for every return. */
export const PSEUDONYM_KEY_VARIABLE = 'OVERSIGHT_PSEUDONYM_KEY'
/** 32 characters: a key much shorter could be found by trying keys against a known child's id. */
export const MIN_PSEUDONYM_KEY_LENGTH = 32

/** Returns are not read without a key, and the message says how to give one. */
export class PseudonymKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PseudonymKeyError'
  }
}

export interface Pseudonymiser {
  /** The child's pseudonym: the same for the same id in every return read with the same key. */
  child(id: string): string
}

/**
 * The key in the environment, checked. A child's id is replaced by an HMAC-SHA256 of it under the
 * council's secret key: without the key no one can go from a pseudonym back to the id, or test a
 * guess at one. The key is refused when missing or too short, before anything is read.
 */
export function pseudonymKeyFromEnvironment(environment: NodeJS.ProcessEnv = process.env): string {
  const key = environment[PSEUDONYM_KEY_VARIABLE]?.trim() ?? ''
  if (key === '')
    throw new PseudonymKeyError(
      `${PSEUDONYM_KEY_VARIABLE} must be set to read a statutory return: a secret of at least ${MIN_PSEUDONYM_KEY_LENGTH} characters, kept the same for every return (for example, from openssl rand -hex 32)`,
    )
  if (key.length < MIN_PSEUDONYM_KEY_LENGTH)
    throw new PseudonymKeyError(
      `${PSEUDONYM_KEY_VARIABLE} must be at least ${MIN_PSEUDONYM_KEY_LENGTH} characters long (it is ${key.length})`,
    )
  return key
}

/** The pseudonymiser for the key in the environment. */
export function pseudonymiserFromEnvironment(environment: NodeJS.ProcessEnv = process.env): Pseudonymiser {
  return createPseudonymiser(pseudonymKeyFromEnvironment(environment))
}

export function createPseudonymiser(key: string): Pseudonymiser {
  if (key.length < MIN_PSEUDONYM_KEY_LENGTH)
    throw new PseudonymKeyError(`The pseudonym key must be at least ${MIN_PSEUDONYM_KEY_LENGTH} characters long`)
  return {
    child(id) {
      // The returns write the same id with different case and spacing; the child is the same.
      const normalised = id.trim().toUpperCase()
      // 128 bits of the HMAC: far more than enough not to collide among a council's children.
      return createHmac('sha256', key).update(normalised, 'utf8').digest('hex').slice(0, 32)
    },
  }
}

/** A date of birth (YYYY-MM-DD) kept only to its month: the first of the month. */
export function birthMonth(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** A UK postcode's outward code (its district: "SW1A 1AA" is "SW1A"), or null when it is not a postcode. */
export function postcodeDistrict(postcode: string): string | null {
  const compact = postcode.replace(/\s+/g, '').toUpperCase()
  // The inward code is always a digit and two letters; the outward code is what comes before it.
  const match = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/.exec(compact)
  return match ? match[1] : null
}
