import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import {
  anchors,
  count,
  errorSummary,
  formFields,
  heading,
  links,
  table,
  text,
  title,
} from '../../../test/support/html.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { systemContext } from '#src/platform/auth/user.ts'

const PASSWORD = 'an initial password for sam'
const NEW_PASSWORD = 'a brand new passphrase for sam'

/** Who may open the audit trail is tested with the other admin pages in routes.test.ts. */
describe.each(testDatabases())('the audit trail on $name', (database) => {
  let t: TestApp
  let admin: Agent
  let samId: string

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    // A system event, as the demo loader records one, before anything else happens.
    await recordAudit(t.db, systemContext('demo'), {
      action: 'loaded demo data',
      subjectType: 'system',
      subjectId: 'demo',
    })
    admin = await t.as('admin')
    // Something to find: an account added, given another role, and its password reset.
    const created = await admin.post('/admin/accounts', {
      name: 'Sam Audited',
      email: 'sam@example.org',
      role: 'officer',
      password: PASSWORD,
      confirmPassword: PASSWORD,
    })
    expect(created.statusCode).toBe(303)
    samId = (created.headers.location as string).split('/').at(-1)!
    expect((await admin.post(`/admin/accounts/${samId}/role`, { role: 'analyst' })).statusCode).toBe(303)
    const reset = await admin.post(`/admin/accounts/${samId}/password`, {
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(reset.statusCode).toBe(303)
  })
  afterAll(() => t?.close())

  it('shows events newest first, with when, who, what and the record', async () => {
    const page = await admin.get('/admin/audit')
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Audit trail')
    const [header, ...rows] = table(page.body)
    expect(header).toEqual(['When', 'Who', 'What happened', 'Record'])
    const [when, who, what, record] = rows[0]
    // The real time of the change, and the app's date then: the tests pin the clock, as the demo does.
    expect(when).toMatch(/^\d{1,2} \w+ \d{4} at \d{1,2}(:\d\d)?[ap]m App date: 22 January 2024$/)
    // The record by its name, linked to its page, not by its id.
    expect([who, what, record]).toEqual([
      'Demo admin <admin@example.org>',
      'Reset password',
      'User Sam Audited (sam@example.org)',
    ])
    const actions = ['Reset password', 'Changed role', 'Created account', 'Loaded demo data']
    const whats = rows.map((row) => actions.find((action) => row[2].startsWith(action)) ?? row[2])
    const order = actions.map((action) => whats.indexOf(action))
    expect(order.every((position) => position >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(links(page.body)).toContain(`/admin/accounts/${samId}`)
  })

  it('shows the fields a change changed, the whole record before and after, and never a password or its hash', async () => {
    const page = await admin.get(`/admin/audit?subjectType=user&subjectId=${samId}`)
    const shown = text(page.body)
    expect(shown).toContain('3 events match these filters')
    // Only the field that changed is listed, as a person reads it; the whole record is one click away.
    expect(shown).toMatch(/Changed role Role officer changed to → analyst The whole record before and after/)
    expect(shown).toMatch(/Before \{[^}]*"role": "officer"[^}]*\} After \{[^}]*"role": "analyst"/)
    expect(shown).toContain('"email": "sam@example.org"')
    expect(page.body).not.toMatch(/passwordHash|password_hash|\$argon2/)
    expect(page.body).not.toContain(PASSWORD)
    expect(page.body).not.toContain(NEW_PASSWORD)
  })

  it('names each record it can, with a link to its page, and shows the id of one deleted since', async () => {
    const body = await t.db
      .insertInto('bodies')
      .values({ slug: 'schools-forum', name: 'Schools Forum', kind: 'committee', remit: '' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const gone = '00000000-0000-4000-8000-000000000001'
    for (const subjectId of [body.id, gone])
      await recordAudit(t.db, systemContext('test'), { action: 'renamed body', subjectType: 'body', subjectId })
    const page = await admin.get('/admin/audit?action=renamed+body')
    const records = table(page.body)
      .slice(1)
      .map((row) => row[3])
    expect(records).toEqual([`Body ${gone}`, 'Body Schools Forum'])
    expect(links(page.body)).toContain('/bodies/schools-forum')
  })

  it('filters by who, what, record type and record id, and keeps the filters in the form', async () => {
    const page = await admin.get(
      `/admin/audit?actor=ADMIN%40example&action=changed+role&subjectType=user&subjectId=${samId}`,
    )
    expect(page.statusCode).toBe(200)
    const shown = text(page.body)
    expect(shown).toContain('1 event matches these filters')
    expect(shown).toContain('Changed role')
    expect(shown).not.toContain('Created account')
    expect(formFields(page.body, '/admin/audit')).toEqual({
      actor: 'ADMIN@example',
      action: 'changed role',
      subjectType: 'user',
      subjectId: samId,
      'from-day': '',
      'from-month': '',
      'from-year': '',
      'to-day': '',
      'to-month': '',
      'to-year': '',
    })

    const others = await admin.get('/admin/audit?actor=someone+else')
    expect(text(others.body)).toContain('No events match these filters')
    const system = await admin.get('/admin/audit?subjectType=system')
    expect(text(system.body)).toContain('Loaded demo data')
    expect(text(system.body)).not.toContain('Changed role')
  })

  it('checks the dates given, in GOV.UK date inputs', async () => {
    const bad = await admin.get(
      '/admin/audit?from-day=30&from-month=2&from-year=2024&to-day=1&to-month=13&to-year=2024',
    )
    expect(bad.statusCode).toBe(400)
    expect(title(bad.body)).toMatch(/^Error: Audit trail/)
    expect(errorSummary(bad.body)).toEqual([
      'Date from must be a real date, like 22 1 2024',
      'Date to must be a real date, like 22 1 2024',
    ])
    expect(anchors(bad.body, '.govuk-error-summary').map((link) => link.href)).toEqual(['#from-day', '#to-day'])
    // What was typed stays in the boxes.
    expect(formFields(bad.body, '/admin/audit')).toMatchObject({
      'from-day': '30',
      'from-month': '2',
      'to-month': '13',
    })
    const typed = await admin.get('/admin/audit?from-day=1&from-month=1&from-year=2000')
    expect(typed.statusCode).toBe(200)
    expect(formFields(typed.body, '/admin/audit')).toMatchObject({
      'from-day': '1',
      'from-month': '1',
      'from-year': '2000',
    })
    const backwards = await admin.get('/admin/audit?from=2024-01-22&to=2024-01-01')
    expect(errorSummary(backwards.body)).toEqual(['Date to must be the same as or after date from'])
    expect(count(backwards.body, 'tbody')).toBe(0)
    // The last day there is: everything up to it.
    const all = await admin.get('/admin/audit?to=9999-12-31')
    expect(all.statusCode).toBe(200)
    expect(count(all.body, 'tbody')).toBe(1)
  })

  it('filters by UK dates, and escapes what it shows', async () => {
    // 11:30pm UTC on 15 June is 12:30am on 16 June in London (British Summer Time).
    await t.db
      .insertInto('auditEvents')
      .values({
        at: new Date('2023-06-15T23:30:00Z'),
        actorLabel: 'Date tester',
        action: 'changed summer record',
        subjectType: 'test',
        subjectId: 'summer',
        before: JSON.stringify({ name: 'Old' }),
        after: JSON.stringify({ name: '<script>alert(1)</script>' }),
      })
      .execute()
    const day = await admin.get('/admin/audit?action=summer&from=2023-06-16&to=2023-06-16')
    expect(text(day.body)).toContain('16 June 2023 at 12:30am Date tester Changed summer record')
    // Shown as text, never run: the markup carries it escaped.
    expect(text(day.body)).toContain('"name": "<script>alert(1)</script>"')
    expect(day.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(day.body).not.toContain('<script>alert(1)')
    const dayBefore = await admin.get('/admin/audit?action=summer&from=2023-06-15&to=2023-06-15')
    expect(text(dayBefore.body)).toContain('No events match these filters')
  })

  it('filters by the day an event shows: the app’s date when its clock is pinned, as the demo’s is', async () => {
    await t.db
      .insertInto('auditEvents')
      .values({
        at: new Date('2026-11-30T10:00:00Z'),
        appDate: '2024-01-22',
        actorLabel: 'Pinned tester',
        action: 'changed pinned record',
        subjectType: 'test',
        subjectId: 'pinned',
      })
      .execute()
    const shown = await admin.get('/admin/audit?action=pinned&from=2024-01-22&to=2024-01-22')
    expect(text(shown.body)).toContain('Pinned tester Changed pinned record')
    const realDay = await admin.get('/admin/audit?action=pinned&from=2026-11-30&to=2026-11-30')
    expect(text(realDay.body)).toContain('No events match these filters')
  })

  it('pages through many events, keeping the filters', async () => {
    const rows = Array.from({ length: 55 }, (_, n) => ({
      at: new Date(Date.UTC(2022, 0, 1, 0, n)),
      actorLabel: 'Bulk tester',
      action: 'paging check',
      subjectType: 'test',
      subjectId: `row-${n + 1}`,
    }))
    await t.db.insertInto('auditEvents').values(rows).execute()
    const first = await admin.get('/admin/audit?action=paging+check')
    const records = (html: string) =>
      table(html)
        .slice(1)
        .map((row) => row[3])
    expect(text(first.body)).toContain('55 events match these filters Showing 1 to 50')
    expect(records(first.body)).toEqual(Array.from({ length: 50 }, (_, n) => `Test row-${55 - n}`))
    expect(links(first.body)).toContain('/admin/audit?action=paging+check&page=2')
    const second = await admin.get('/admin/audit?action=paging+check&page=2')
    expect(text(second.body)).toContain('Showing 51 to 55')
    expect(records(second.body)).toEqual(['Test row-5', 'Test row-4', 'Test row-3', 'Test row-2', 'Test row-1'])
    // The download holds every matching event, not only a page's, with the filters kept.
    expect(links(first.body)).toContain('/admin/audit?action=paging+check&format=csv')
    const csv = await admin.get('/admin/audit?action=paging+check&format=csv')
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toContain('audit-trail.csv')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      '"When (UTC)","App date","Who","What happened","Record type","Record id","Before","After","Request"',
    )
    expect(lines).toHaveLength(56)
    expect(lines[1]).toMatch(/^"2022-01-01T00:54:00.000Z","","Bulk tester","paging check","test","row-55"/)
    const beyond = await admin.get('/admin/audit?action=paging+check&page=9')
    expect(text(beyond.body)).toContain('There are no events on this page')
  })

  it('counts and pages no further than the 10,000 latest events a download holds', async () => {
    await sql`insert into audit_events (at, actor_label, action, subject_type, subject_id)
      select timestamptz '2021-01-01' + make_interval(mins => n), 'Bulk tester', 'counting check', 'test', 'n-' || n
      from generate_series(1, 10050) n`.execute(t.db)
    const first = await admin.get('/admin/audit?action=counting+check&actor=bulk')
    expect(text(first.body)).toContain(
      'More than 10,000 events match these filters Showing 1 to 50 of the latest 10,000. Narrow the filters to find older events',
    )
    expect(links(first.body)).toContain('/admin/audit?actor=bulk&action=counting+check&page=200')
    expect(links(first.body)).not.toContain('/admin/audit?actor=bulk&action=counting+check&page=201')
    const last = await admin.get('/admin/audit?action=counting+check&actor=bulk&page=200')
    expect(text(last.body)).toContain('Showing 9951 to 10000')
    const beyond = await admin.get('/admin/audit?action=counting+check&actor=bulk&page=201')
    expect(text(beyond.body)).toContain('There are no events on this page')
    // Words of a name or an action, in any case, found among those recorded.
    const mixed = await admin.get('/admin/audit?action=COUNTING&actor=tester&subjectId=n-7')
    expect(text(mixed.body)).toContain('1 event matches these filters')
  })

  it('says when nothing matches', async () => {
    const page = await admin.get('/admin/audit?action=nothing+like+this')
    expect(page.statusCode).toBe(200)
    expect(text(page.body)).toContain('No events found No events match these filters.')
  })
})
