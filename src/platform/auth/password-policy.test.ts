import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../../../test/support/test-password.ts'
import { PASSWORD_MESSAGES as M, passwordProblem } from './password-policy.ts'

const council = { councilName: 'Blackpool Council' }
const chris = { ...council, name: 'Chris Coyle', email: 'chris.coyle@blackpool.gov.uk' }

describe('passwordProblem', () => {
  it.each([
    // length
    ['', {}, M.tooShort],
    ['elevenchars', {}, M.tooShort],
    ['🐈🐈🐈🐈🐈🐈🐈🐈🐈🐈🐈', {}, M.tooShort], // 11 characters, 22 UTF-16 units
    ['x'.repeat(257), {}, M.tooLong],
    // the deny-list, however it is dressed up
    ['password1234', {}, M.common],
    ['PASSWORD1234', {}, M.common],
    ['Password 1234', {}, M.common],
    ['P@ssw0rd!2024', {}, M.common],
    ['1234dragon5678', {}, M.common],
    ['letmein123456', {}, M.common],
    ['qwerty123456', {}, M.common],
    ['iloveyou!!!!', {}, M.common],
    ['passwordpassword', {}, M.common],
    ['monkeymonkeymonkey', {}, M.common],
    ['123456789012', {}, M.common],
    ['1qaz2wsx3edc', {}, M.common],
    // repeated characters and sequences
    ['aaaaaaaaaaaa', {}, M.pattern],
    ['            ', {}, M.pattern],
    ['!!!!!!!!!!!!', {}, M.pattern],
    ['abcabcabcabc', {}, M.pattern],
    ['abcdefghijkl', {}, M.pattern],
    ['234567890123', {}, M.pattern],
    ['zyxwvutsrqpo', {}, M.pattern],
    ['abcdef123456', {}, M.pattern],
    ['qwertyuiopas', {}, M.pattern],
    ['3edc4rfv5tgb', {}, M.pattern],
    ['zzzyyyxxx999', {}, M.pattern],
    ['987654321abc', {}, M.pattern],
    // the council, the service and the account holder
    ['Blackpool Council', council, M.council],
    ['blackpoolcouncil1', council, M.council],
    ['BLACKPOOL-COUNCIL-2024', council, M.council],
    ['Blackpool2024!!', council, M.council],
    ['blackpoolblackpool', council, M.council],
    ['my oversight password', {}, M.service],
    ['Oversight 2024!', {}, M.service],
    ['Chris Coyle 1984!', chris, M.personal],
    ['chris.coyle@home', chris, M.personal],
    ['coyle12345678', chris, M.personal],
  ])('refuses %j', (password, context, message) => {
    expect(passwordProblem(password, context)).toBe(message)
  })

  it.each([
    [TEST_PASSWORD, chris],
    ['a brand new passphrase for you', chris],
    ['tram stop by the tower at dusk', council],
    ['Ferris wheel, 3 donkeys & rock', council],
    ['violet-kettle-ninety-lamp', {}],
    ['Z8#kq2!vLm0p', {}],
    ['837492618305', {}],
    ['correcthorsecorrecthorse', {}],
    ['the council meets on tuesdays', council],
    ['🐈🐈🐈 sat on the 🧶 mat', {}],
    [
      Array.from({ length: 86 }, (_, i) => String(100 + i * 37))
        .join('')
        .slice(0, 256),
      {},
    ],
  ])('accepts %j', (password, context) => {
    expect(passwordProblem(password, context)).toBeUndefined()
  })

  it('knows the council and the account holder only when told who they are', () => {
    expect(passwordProblem('Chris Coyle 1984!', council)).toBeUndefined()
    expect(passwordProblem('Blackpool Council', { councilName: 'Wigan Council' })).toBeUndefined()
  })
})
