import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { heading } from '../../../test/support/html.ts'
import { createAdminAccount } from './first-admin.ts'

describe.each(testDatabases())('create-admin on a database without demo data ($name)', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
  })
  afterAll(async () => t?.close())

  it('creates an admin who can sign in and manage accounts, and audits it', async () => {
    const { account, generatedPassword } = await createAdminAccount(t.db, {
      email: ' First.Admin@Example.org ',
      name: 'First Admin',
    })
    expect(account).toMatchObject({ email: 'first.admin@example.org', name: 'First Admin', role: 'admin' })
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/)

    const agent = t.visitor()
    const signIn = await agent.signIn('first.admin@example.org', generatedPassword!)
    expect(signIn.statusCode).toBe(303)
    const accounts = await agent.get('/admin/accounts')
    expect(accounts.statusCode).toBe(200)
    expect(heading(accounts.body)).toBe('Accounts')

    const audit = await t.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('subjectId', '=', account.id)
      .where('action', '=', 'created account')
      .execute()
    expect(audit.map((event) => [event.actorId, event.correlationId])).toEqual([[null, 'command line']])
  })

  it('takes a password that meets the password policy instead of generating one', async () => {
    const { generatedPassword } = await createAdminAccount(t.db, {
      email: 'second@example.org',
      name: 'Second Admin',
      password: 'a long enough passphrase',
    })
    expect(generatedPassword).toBeUndefined()
    await t.visitor().signIn('second@example.org', 'a long enough passphrase')
  })

  it.each([
    ['too short', 'Password must be 12 characters or more'],
    ['password1234', 'This password is too common: choose one that is harder to guess'],
    ['aaaaaaaaaaaa', 'This password is too easy to guess: avoid repeated characters and sequences like 1234 or abcd'],
    ['Blackpool Council', 'Password must not contain the council’s name'],
    ['Jo Bloggs the third', 'Password must not contain the account holder’s name or email address'],
  ])('refuses the password %j: %s', async (password, message) => {
    const attempt = createAdminAccount(
      t.db,
      { email: 'jo.bloggs@example.org', name: 'Jo Bloggs', password },
      { councilName: 'Blackpool Council' },
    )
    await expect(attempt).rejects.toThrow(message)
    expect(await t.db.selectFrom('users').where('email', '=', 'jo.bloggs@example.org').execute()).toEqual([])
  })

  it('refuses a taken email address, a malformed one and a missing name, and writes nothing', async () => {
    const before = await t.db.selectFrom('users').select('id').execute()
    await expect(createAdminAccount(t.db, { email: 'SECOND@example.org', name: 'Again' })).rejects.toThrow(
      'An account with the email address second@example.org already exists',
    )
    await expect(createAdminAccount(t.db, { email: 'not an email', name: 'Someone' })).rejects.toThrow(
      'Give an email address in the correct format',
    )
    await expect(createAdminAccount(t.db, { email: 'fourth@example.org', name: ' ' })).rejects.toThrow(
      'Give the admin’s full name',
    )
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(before.length)
  })
})
