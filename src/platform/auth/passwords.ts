import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (a const enum in the typings, so written as its value).
const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
/** A hash to verify against when no account matches, so the answer takes as long either way. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no account has this password')
  return dummyHash
}
