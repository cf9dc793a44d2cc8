import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { builders } from '../../../test/support/builders/index.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import {
  ALL_ROLES,
  DEMO_EMAIL,
  TEST_PASSWORD,
  type TestApp,
  type TestRole,
  startTestApp,
} from '../../../test/support/harness.ts'
import {
  anchors,
  attribute,
  choices,
  errorSummary,
  fieldError,
  formFields,
  heading,
  links,
  summaryList,
  table,
  text,
  textAt,
  title,
} from '../../../test/support/html.ts'

const NEW_PASSWORD = 'a brand new passphrase for you'
const STAFF: TestRole[] = ['member', 'officer', 'scrutiny_officer', 'analyst']
const errorLinks = (html: string) => anchors(html, '.govuk-error-summary').map((link) => link.href)
/** The success banner a save leaves on the page it sends the admin to. */
const banner = (html: string) => textAt(html, '.govuk-notification-banner--success')

describe.each(testDatabases())('accounts and the audit trail on $name', (database) => {
  let t: TestApp
  // One signed-in client per role for the whole suite: sign-in is rate limited per address.
  const agents = {} as Record<TestRole, Agent>
  let officerId: string
  let adminId: string
  let personId: string

  const idOf = async (email: string) =>
    (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id

  beforeAll(async () => {
    // The council's name is configured, as passwords may not contain it.
    t = await startTestApp(database, { demo: false, councilName: 'Blackpool Council' })
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    officerId = await idOf(DEMO_EMAIL.officer)
    adminId = await idOf(DEMO_EMAIL.admin)
    // A person to link accounts to.
    personId = (await builders(t).aPerson({ name: 'Pat Linkable', honorific: 'Councillor' })).id
  })
  afterAll(() => t?.close())

  describe('who may see the admin pages', () => {
    const pages = () => [
      '/admin',
      '/admin/accounts',
      '/admin/accounts/new',
      `/admin/accounts/${officerId}`,
      `/admin/accounts/${officerId}/edit`,
      `/admin/accounts/${officerId}/role`,
      `/admin/accounts/${officerId}/disable`,
      `/admin/accounts/${officerId}/password`,
      '/admin/audit',
      '/admin/audit?action=signed+in',
    ]

    it('sends the public to sign in, then back', async () => {
      for (const url of pages()) {
        const page = await agents.public.get(url)
        expect(page.statusCode, url).toBe(303)
        expect(page.headers.location, url).toBe(`/sign-in?returnTo=${encodeURIComponent(url)}`)
      }
    })

    it.each(STAFF)('refuses every admin page to the %s role', async (role) => {
      for (const url of pages()) {
        const page = await agents[role].get(url)
        expect(page.statusCode, url).toBe(403)
        expect(heading(page.body), url).toBe('You do not have permission to see this page')
      }
      const home = await agents[role].get('/bodies')
      expect(links(home.body)).not.toContain('/admin')
    })

    it('shows every admin page to an admin', async () => {
      for (const url of pages()) {
        const page = await agents.admin.get(url)
        expect(page.statusCode, url).toBe(200)
      }
      const landing = await agents.admin.get('/admin')
      expect(heading(landing.body)).toBe('Admin')
      expect(links(landing.body)).toEqual(expect.arrayContaining(['/admin/accounts', '/admin/audit']))
      expect(
        anchors(landing.body)
          .filter((link) => link.href === '/admin')
          .map((link) => link.text),
      ).toContain('Admin')
    })

    it('refuses every change to anyone but an admin, and changes nothing', async () => {
      const changes = (): [string, Record<string, string>][] => [
        [
          '/admin/accounts',
          {
            name: 'Sneaky',
            email: 'sneaky@example.org',
            role: 'admin',
            password: NEW_PASSWORD,
            confirmPassword: NEW_PASSWORD,
          },
        ],
        [`/admin/accounts/${officerId}/edit`, { name: 'Renamed', personId: '' }],
        [`/admin/accounts/${officerId}/role`, { role: 'admin' }],
        [`/admin/accounts/${officerId}/disable`, {}],
        [`/admin/accounts/${officerId}/enable`, {}],
        [`/admin/accounts/${officerId}/password`, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }],
      ]
      for (const [url, form] of changes()) {
        const signedOut = await agents.public.post(url, form)
        expect(signedOut.statusCode, url).toBe(303)
        expect(signedOut.headers.location, url).toMatch(/^\/sign-in\?returnTo=/)
        for (const role of STAFF) expect((await agents[role].post(url, form)).statusCode, `${role} ${url}`).toBe(403)
      }
      const officer = await t.db.selectFrom('users').selectAll().where('id', '=', officerId).executeTakeFirstOrThrow()
      expect(officer).toMatchObject({ name: 'Demo officer', role: 'officer', disabledAt: null })
      expect(
        await t.db.selectFrom('users').select('id').where('email', '=', 'sneaky@example.org').executeTakeFirst(),
      ).toBeUndefined()
      expect((await agents.officer.get('/account')).statusCode).toBe(200)
    })

    it('answers 404 for an account that does not exist', async () => {
      expect((await agents.admin.get('/admin/accounts/not-an-id')).statusCode).toBe(404)
      const missing = await agents.admin.get(`/admin/accounts/${randomUUID()}`)
      expect(missing.statusCode).toBe(404)
      expect(heading(missing.body)).toBe('Page not found')
    })
  })

  describe('the list of accounts', () => {
    it('lists every account in a sortable table', async () => {
      const page = await agents.admin.get('/admin/accounts')
      expect(heading(page.body)).toBe('Accounts')
      expect(attribute(page.body, 'table', 'data-module')).toBe('moj-sortable-table')
      const [header, ...rows] = table(page.body)
      expect(header).toEqual(['Name', 'Email address', 'Role', 'Linked person', 'Status', 'Created'])
      expect(rows.map((row) => row[1])).toEqual(expect.arrayContaining(Object.values(DEMO_EMAIL)))
      const officer = rows.find((row) => row[1] === 'officer@example.org')
      expect(officer?.slice(0, 5)).toEqual(['Demo officer', 'officer@example.org', 'Officer', 'None', 'Active'])
      expect(officer?.[5]).toMatch(/\d{4}/)
      expect(rows.find((row) => row[1] === DEMO_EMAIL.scrutiny_officer)?.[2]).toBe('Scrutiny officer')
    })
  })

  describe('adding an account', () => {
    const valid = {
      name: 'Casey New',
      email: '  Casey.New@Example.ORG ',
      role: 'member',
      password: TEST_PASSWORD,
      confirmPassword: TEST_PASSWORD,
    }

    it('explains each problem next to its field, and never sends the password back', async () => {
      const empty = await agents.admin.post('/admin/accounts', {})
      expect(empty.statusCode).toBe(400)
      expect(title(empty.body)).toMatch(/^Error: Add an account/)
      expect(errorSummary(empty.body)).toEqual([
        'Enter their full name',
        'Enter an email address',
        'Select a role',
        'Enter a password',
        'Enter the password again',
      ])
      expect(errorLinks(empty.body)).toEqual(['#name', '#email', '#role', '#password', '#confirmPassword'])
      expect(fieldError(empty.body, 'name')).toBe('Error: Enter their full name')

      const typed = 'tooshort'
      const bad = await agents.admin.post('/admin/accounts', {
        ...valid,
        email: 'not an email',
        password: typed,
        confirmPassword: typed,
      })
      expect(errorSummary(bad.body)).toEqual([
        'Enter an email address in the correct format, like name@example.org',
        'Password must be 12 characters or more',
      ])
      expect(formFields(bad.body, '/admin/accounts')).toMatchObject({ name: 'Casey New', password: '' })
      expect(bad.body).not.toContain(typed)

      const mismatch = await agents.admin.post('/admin/accounts', { ...valid, confirmPassword: `${TEST_PASSWORD}!` })
      expect(errorSummary(mismatch.body)).toEqual(['The passwords do not match'])
      expect(errorLinks(mismatch.body)).toEqual(['#confirmPassword'])
    })

    it('refuses a guessable password next to the field: common, the council’s name, or their own', async () => {
      for (const [password, message] of [
        ['password1234', 'This password is too common: choose one that is harder to guess'],
        [
          'aaaaaaaaaaaa',
          'This password is too easy to guess: avoid repeated characters and sequences like 1234 or abcd',
        ],
        ['blackpoolcouncil1', 'Password must not contain the council’s name'],
        ['Casey New 2024!', 'Password must not contain the account holder’s name or email address'],
      ]) {
        const page = await agents.admin.post('/admin/accounts', { ...valid, password, confirmPassword: password })
        expect(page.statusCode, password).toBe(400)
        expect(errorSummary(page.body), password).toEqual([message])
        expect(errorLinks(page.body), password).toEqual(['#password'])
        expect(fieldError(page.body, 'password'), password).toBe(`Error: ${message}`)
        expect(page.body).not.toContain(password)
      }
      expect(await t.db.selectFrom('users').where('email', '=', 'casey.new@example.org').execute()).toEqual([])
    })

    it('refuses an email address that already has an account, whatever its case', async () => {
      const page = await agents.admin.post('/admin/accounts', { ...valid, email: 'Officer@Example.org' })
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['An account with this email address already exists'])
    })

    it('refuses a linked person who does not exist', async () => {
      const page = await agents.admin.post('/admin/accounts', { ...valid, personId: randomUUID() })
      expect(errorSummary(page.body)).toEqual(['Select a person from the list'])
    })

    it('adds the account, linked to a person, and they can sign in with the initial password', async () => {
      const form = await agents.admin.get('/admin/accounts/new')
      expect(heading(form.body)).toBe('Add an account')
      expect(choices(form.body, '/admin/accounts', 'personId').map((choice) => choice.value)).toContain(personId)
      expect(text(form.body)).toContain('Scrutiny officer')

      const created = await agents.admin.post('/admin/accounts', { ...valid, personId })
      expect(created.statusCode).toBe(303)
      const location = created.headers.location as string
      expect(location).toMatch(/^\/admin\/accounts\/[0-9a-f-]{36}$/)

      const page = await agents.admin.get(location)
      expect(heading(page.body)).toBe('Casey New')
      expect(banner(page.body)).toBe('Success Account added')
      expect(summaryList(page.body)).toMatchObject({
        'Email address': 'casey.new@example.org',
        Role: 'Member',
        'Linked person': 'Pat Linkable',
        Status: 'Active',
      })
      expect(text(page.body)).toContain('Created account')

      const stored = await t.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'casey.new@example.org')
        .executeTakeFirstOrThrow()
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/)
      expect(stored.personId).toBe(personId)

      const casey = t.visitor()
      await casey.signIn('casey.new@example.org', TEST_PASSWORD)
      expect(text((await casey.get('/account')).body)).toContain('Casey New')

      const list = await agents.admin.get('/admin/accounts')
      expect(
        table(list.body)
          .find((row) => row[1] === 'casey.new@example.org')
          ?.slice(0, 5),
      ).toEqual(['Casey New', 'casey.new@example.org', 'Member', 'Pat Linkable', 'Active'])
    })
  })

  describe('changing an account', () => {
    it('changes the name and the linked person', async () => {
      const id = await idOf(DEMO_EMAIL.analyst)
      const invalid = await agents.admin.post(`/admin/accounts/${id}/edit`, { name: '', personId: 'nobody' })
      expect(invalid.statusCode).toBe(400)
      expect(errorSummary(invalid.body)).toEqual(['Enter their full name', 'Select a person from the list'])

      const saved = await agents.admin.post(`/admin/accounts/${id}/edit`, { name: 'Demo analyst', personId })
      expect(saved.statusCode).toBe(303)
      const page = await agents.admin.get(`/admin/accounts/${id}`)
      expect(summaryList(page.body)['Linked person']).toBe('Pat Linkable')
      expect(banner(page.body)).toBe('Success Account details updated')
      expect(text(page.body)).toContain('Changed account details')
      // The analyst stays signed in: neither change alters what they may do.
      expect((await agents.analyst.get('/account')).statusCode).toBe(200)
    })

    it('changes the role and signs the user out everywhere', async () => {
      const email = 'rerole@example.org'
      const user = await t.newAccount('officer', { email })
      expect((await user.get('/account')).statusCode).toBe(200)
      const id = await idOf(email)

      const form = await agents.admin.get(`/admin/accounts/${id}/role`)
      expect(heading(form.body)).toMatch(/^Change the role of Test officer \d+$/)
      expect(formFields(form.body, `/admin/accounts/${id}/role`).role).toBe('officer')
      const missing = await agents.admin.post(`/admin/accounts/${id}/role`, { role: 'superuser' })
      expect(errorSummary(missing.body)).toEqual(['Select a role'])

      const changed = await agents.admin.post(`/admin/accounts/${id}/role`, { role: 'analyst' })
      expect(changed.statusCode).toBe(303)
      expect(changed.headers.location).toBe(`/admin/accounts/${id}`)

      const next = await user.get('/account')
      expect(next.statusCode).toBe(303)
      expect(next.headers.location).toBe('/sign-in?returnTo=%2Faccount')

      const page = await agents.admin.get(`/admin/accounts/${id}`)
      expect(summaryList(page.body).Role).toBe('Analyst')
      expect(banner(page.body)).toBe('Success Role changed')
      expect(text(page.body)).toContain('Changed role')
    })

    it('refuses to let admins change their own role', async () => {
      const page = await agents.admin.post(`/admin/accounts/${adminId}/role`, { role: 'member' })
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['You cannot change your own role. Ask another admin to do it'])
      expect((await agents.admin.get('/admin')).statusCode).toBe(200)
    })

    it('disables an account after confirmation: it is signed out and cannot sign in; re-enabling lets it back', async () => {
      const email = 'disable-me@example.org'
      const user = await t.newAccount('member', { email })
      const id = await idOf(email)

      const confirm = await agents.admin.get(`/admin/accounts/${id}/disable`)
      expect(heading(confirm.body)).toMatch(/^Are you sure you want to disable Test member \d+’s account\?$/)
      expect(text(confirm.body)).toContain('Disable account')
      expect(links(confirm.body)).toContain(`/admin/accounts/${id}`)

      const disabled = await agents.admin.post(`/admin/accounts/${id}/disable`)
      expect(disabled.statusCode).toBe(303)
      expect((await user.get('/account')).statusCode).toBe(303)

      const refused = await t.visitor().post('/sign-in', { email, password: TEST_PASSWORD })
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)).toEqual(['Enter a correct email address and password'])

      const page = await agents.admin.get(`/admin/accounts/${id}`)
      expect(text(page.body)).toContain('not linked to a person, so they cannot read the exempt papers')
      expect(summaryList(page.body).Status).toMatch(/^Disabled on \d/)
      expect(banner(page.body)).toBe('Success Account disabled')
      expect(text(page.body)).toContain('Disabled account')
      const listed = table((await agents.admin.get('/admin/accounts')).body).find((row) => row[1] === email)
      expect(listed?.slice(1, 5)).toEqual([email, 'Member', 'None', 'Disabled'])

      expect((await agents.admin.post(`/admin/accounts/${id}/enable`)).statusCode).toBe(303)
      const back = t.visitor()
      await back.signIn(email, TEST_PASSWORD)
      expect((await back.get('/account')).statusCode).toBe(200)
      const enabled = await agents.admin.get(`/admin/accounts/${id}`)
      expect(banner(enabled.body)).toBe('Success Account re-enabled')
      expect(text(enabled.body)).toContain('Re-enabled account')
    })

    it('refuses to let admins disable themselves', async () => {
      const own = await agents.admin.get(`/admin/accounts/${adminId}`)
      expect(heading(own.body)).toBe('Demo admin (you)')
      expect(own.body).not.toContain(`/admin/accounts/${adminId}/disable`)

      const page = await agents.admin.post(`/admin/accounts/${adminId}/disable`)
      expect(page.statusCode).toBe(400)
      expect(errorSummary(page.body)).toEqual(['You cannot disable your own account'])
      expect(errorLinks(page.body)).toEqual(['#confirm-disable'])
      const admin = await t.db
        .selectFrom('users')
        .select('disabledAt')
        .where('id', '=', adminId)
        .executeTakeFirstOrThrow()
      expect(admin.disabledAt).toBeNull()
      expect((await agents.admin.get('/admin')).statusCode).toBe(200)
    })

    it('resets a password: the old one stops working and the user is signed out', async () => {
      const email = 'forgetful@example.org'
      const user = await t.newAccount('officer', { email })
      const id = await idOf(email)

      const short = await agents.admin.post(`/admin/accounts/${id}/password`, {
        password: 'short',
        confirmPassword: 'short',
      })
      expect(short.statusCode).toBe(400)
      expect(errorSummary(short.body)).toEqual(['Password must be 12 characters or more'])
      const own = await agents.admin.post(`/admin/accounts/${id}/password`, {
        password: 'forgetful forgetful',
        confirmPassword: 'forgetful forgetful',
      })
      expect(errorSummary(own.body)).toEqual(['Password must not contain the account holder’s name or email address'])

      const reset = await agents.admin.post(`/admin/accounts/${id}/password`, {
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      })
      expect(reset.statusCode).toBe(303)
      expect((await user.get('/account')).statusCode).toBe(303)
      expect((await t.visitor().post('/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(400)
      await t.visitor().signIn(email, NEW_PASSWORD)
      const after = await agents.admin.get(`/admin/accounts/${id}`)
      expect(banner(after.body)).toBe('Success Password reset')
      expect(text(after.body)).toContain('Reset password')
    })
  })
})
