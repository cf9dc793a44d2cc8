import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { BasePage, clickAndWait, e2eSuite, expectNoAxeViolations } from './support/index.ts'

const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const mainText = (page: Page) => textOf(page.locator('main'))

const BODY = '/bodies/children-and-young-peoples-scrutiny-committee'
const MARCH = '/meetings/2024-03-27-children-and-young-peoples-scrutiny-committee'

/** The path of the last link of `kind` in the outbox as the admin reads it. */
async function linkInOutbox(admin: Page, kind: 'confirm' | 'unsubscribe') {
  await admin.goto('/admin/outbox')
  // The newest message comes first: open it to read it.
  await admin.getByText('Read the message').first().click()
  const messages = await mainText(admin)
  const paths = [...messages.matchAll(new RegExp(`/alerts/[A-Za-z0-9_-]{43}/${kind}`, 'g'))].map((m) => m[0])
  expect(paths.length, messages).toBeGreaterThan(0)
  return paths[0]
}

e2eSuite('Email alerts (issue 14)', (e2e) => {
  test('a resident asks for emails, confirms, hears of the next agenda, and stops them', async () => {
    const resident = await e2e.newPage()
    const admin = await e2e.newPage('admin')
    const officer = await e2e.newPage('scrutiny_officer')

    await resident.goto(BODY)
    await clickAndWait(resident, resident.getByRole('link', { name: 'Get emails when this body publishes papers' }))
    const form = await new BasePage(
      resident,
      "Get emails from Children and Young People's Scrutiny Committee",
    ).verifyOnPage()
    await clickAndWait(resident, resident.getByRole('button', { name: 'Get emails' }))
    expect(await form.errorSummary()).toEqual(['Enter an email address'])
    await expectNoAxeViolations(resident)
    await resident.getByLabel('Email address').fill('resident@example.org')
    await clickAndWait(resident, resident.getByRole('button', { name: 'Get emails' }))
    await new BasePage(resident, 'Check your email').verifyOnPage()
    await expectNoAxeViolations(resident)

    // The email to confirm, as the outbox keeps it (no delivery service in the demo).
    await admin.goto('/admin')
    await clickAndWait(admin, admin.getByRole('link', { name: 'Outbox', exact: true }))
    await new BasePage(admin, 'Outbox').verifyOnPage()
    expect(await mainText(admin)).toContain('Confirm your email alerts from Children and Young People')
    await expectNoAxeViolations(admin)
    await resident.goto(await linkInOutbox(admin, 'confirm'))
    await new BasePage(resident, "Confirm emails from Children and Young People's Scrutiny Committee").verifyOnPage()
    await expectNoAxeViolations(resident)
    await clickAndWait(resident, resident.getByRole('button', { name: 'Confirm' }))
    expect(await mainText(resident)).toContain('Emails confirmed')
    await expectNoAxeViolations(resident)

    // The March agenda is published; the hourly check sends the alert.
    await officer.goto(MARCH)
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish agenda' }))
    await new BasePage(officer, 'Publish the agenda').verifyOnPage()
    await clickAndWait(officer, officer.getByRole('button', { name: 'Publish agenda' }))
    expect(await e2e.server.app.scheduled.sendAlerts()).toBe(1)
    await admin.goto('/admin/outbox')
    expect(await mainText(admin)).toContain(
      "Children and Young People's Scrutiny Committee: Agenda for the meeting on Wednesday 27 March 2024",
    )

    await resident.goto(await linkInOutbox(admin, 'unsubscribe'))
    await new BasePage(resident, "Stop emails from Children and Young People's Scrutiny Committee").verifyOnPage()
    await clickAndWait(resident, resident.getByRole('button', { name: 'Stop the emails' }))
    await new BasePage(resident, 'Emails stopped').verifyOnPage()
    expect(await mainText(resident)).toContain('We have forgotten your email address')
    await expectNoAxeViolations(resident)
    expect(await e2e.server.app.scheduled.sendAlerts()).toBe(0)
  })
})
