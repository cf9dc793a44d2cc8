import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

export const PASSWORD_MESSAGES = {
  tooShort: `Password must be ${MIN_PASSWORD_LENGTH} characters or more`,
  tooLong: `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`,
  council: 'Password must not contain the council’s name',
  service: 'Password must not contain the name of this service, Oversight',
  personal: 'Password must not contain the account holder’s name or email address',
  common: 'This password is too common: choose one that is harder to guess',
  pattern: 'This password is too easy to guess: avoid repeated characters and sequences like 1234 or abcd',
} as const

export interface PasswordContext {
  /** The council's name (OVERSIGHT_COUNCIL_NAME, or the demo's). */
  councilName?: string
  /** The account holder's name and email address, when known. */
  name?: string
  email?: string
}

/**
 * The one password rule (NCSC: length and a deny-list, no composition rules), for every place a
 * password is set: new accounts, resets, create-admin and the passwords in the configuration.
 * Returns the message to show next to the field, or undefined when the password will do.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | undefined {
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort
  if (length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong
  const forms = guessableForms(password)
  if (context.councilName && containsName(forms, context.councilName)) return PASSWORD_MESSAGES.council
  if (containsName(forms, 'Oversight')) return PASSWORD_MESSAGES.service
  const personal = [context.name, context.email?.split('@')[0]].filter((value): value is string => !!value)
  if (personal.some((name) => containsName(forms, name))) return PASSWORD_MESSAGES.personal
  if (forms.some((form) => isCommon(form))) return PASSWORD_MESSAGES.common
  if (isPattern(password.normalize('NFKC').toLowerCase().replace(/\s/gu, ''))) return PASSWORD_MESSAGES.pattern
  return undefined
}

/** The build's copy of the deny-list (scripts/build.mjs), beside this module: a password a line. */
export const COMMON_PASSWORDS_FILE = 'common-passwords.txt'

/**
 * The ~49,000 most common passwords of breach corpora, as zxcvbn-ts ships them (all lower case), a
 * password a line. Unpacking them takes about 50 ms, so the build writes them out once.
 */
export function commonPasswordsText(): string {
  const zxcvbn = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon
  return zxcvbn.dictionary['passwords-common'].join('\n')
}

let denied: string | undefined
/**
 * The deny-list as one text with a newline before and after each password, read on first use: the
 * build's copy when there is one (a few milliseconds: a start with a configured password checks it),
 * else unpacked from the package. Looked up by searching the text, which is quicker to have than a
 * set of 49,000 strings and quick enough for the few lookups a password needs.
 */
function deniedPasswords(): string {
  if (denied === undefined) {
    const built = join(dirname(fileURLToPath(import.meta.url)), COMMON_PASSWORDS_FILE)
    denied = `\n${existsSync(built) ? readFileSync(built, 'utf8') : commonPasswordsText()}\n`
  }
  return denied
}

/** Is `form` a password of the deny-list (a line of it, never part of one nor two together). */
function isDenied(form: string): boolean {
  return form !== '' && !form.includes('\n') && deniedPasswords().includes(`\n${form}\n`)
}

/** Letters and digits only, lower case: 'Pass word-1234' and 'password1234' are one guess. */
function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  $: 's',
  '5': 's',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  '7': 't',
}

/**
 * The password as a guesser would try it: compacted; without the digits padded on either end;
 * and with look-alike symbols read as letters ('P@ssw0rd!2024' is 'password').
 */
function guessableForms(password: string): string[] {
  const whole = compact(password)
  const unpadded = whole.replace(/^\p{N}+|\p{N}+$/gu, '')
  const lower = password.normalize('NFKC').toLowerCase()
  const inner = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  const unleet = compact([...inner].map((char) => LEET[char] ?? char).join(''))
  return [...new Set([whole, unpadded, unleet].filter((form) => form.length > 0))]
}

/** Words of a name too general to refuse on their own ('Blackpool Council' refuses 'blackpool', not 'council'). */
const GENERAL_WORDS = new Set(['council', 'borough', 'county', 'city', 'district', 'metropolitan', 'royal', 'london'])

/** The whole name anywhere in the password, or the password being one word of the name padded. */
function containsName(forms: string[], name: string): boolean {
  const whole = compact(name)
  const words = name
    .split(/[^\p{L}\p{N}]+/u)
    .map(compact)
    .filter((word) => word.length >= 3 && !GENERAL_WORDS.has(word))
  const isWordOfName = (form: string) => words.some((word) => form === word || isRepeatOf(form, word))
  return forms.some((form) => (whole.length >= 4 && form.includes(whole)) || isWordOfName(form))
}

/** The shortest piece the value repeats, e.g. 'abc' for 'abcabcabc'; the value itself if none. */
function repeatedUnit(value: string): string {
  const period = (value + value).indexOf(value, 1)
  return period < value.length && value.length % period === 0 ? value.slice(0, period) : value
}

function isRepeatOf(value: string, unit: string): boolean {
  return repeatedUnit(value) === repeatedUnit(unit)
}

/** In the deny-list, or a deny-listed password repeated ('passwordpassword'). */
function isCommon(form: string): boolean {
  return isDenied(form) || isDenied(repeatedUnit(form))
}

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  '!@#$%^&*()_+',
  '!"£$%^&*()_+',
]

/** Neighbours in the alphabet, the digits or a keyboard row, either way round, or the same character. */
function neighbours(a: string, b: string): boolean {
  if (a === b) return true
  return SEQUENCES.some((sequence) => sequence.includes(a + b) || sequence.includes(b + a))
}

/**
 * A short piece repeated ('aaaaaaaaaaaa', 'abcabcabcabc'), or nothing but runs of three or more
 * neighbouring keys ('abcdefghijkl', '123456789012', 'qwertyuiop12'): a guesser tries these first.
 */
function isPattern(value: string): boolean {
  const chars = [...value]
  if ([...repeatedUnit(value)].length < MIN_PASSWORD_LENGTH / 2) return true
  let run = 1
  for (let i = 1; i <= chars.length; i++) {
    if (i < chars.length && neighbours(chars[i - 1], chars[i])) run++
    else if (run < 3) return false
    else run = 1
  }
  return true
}
