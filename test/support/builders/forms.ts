import type { LightMyRequestResponse } from 'fastify'
import type { Agent } from '../agent.ts'
import type { TestApp } from '../harness.ts'
import { errorSummary, heading } from '../html.ts'

/**
 * What the builders share: a form sent as a user of the right role would send it, which must
 * succeed (a 303), and the three fields of a GOV.UK date input.
 */

export type Fields = Record<string, string | string[] | undefined>

/** Sends a form that must be accepted, and gives where it redirected; says what went wrong when it is not. */
export async function submit(agent: Agent, url: string, fields: Fields = {}): Promise<string> {
  const response = await agent.post(url, fields)
  return redirectOf(response, url)
}

export function redirectOf(response: LightMyRequestResponse, url: string): string {
  if (response.statusCode !== 303) {
    const why = errorSummary(response.body).join('; ') || heading(response.body) || response.body.slice(0, 200)
    throw new Error(`The form at ${url} was refused (${response.statusCode}): ${why}`)
  }
  return String(response.headers.location)
}

/** 'YYYY-MM-DD' (or '') as a GOV.UK date input's day, month and year fields. */
export function dateFields(name: string, date: string | null | undefined): Fields {
  const [year, month, day] = date ? date.split('-') : ['', '', '']
  return {
    [`${name}-day`]: day ? String(Number(day)) : '',
    [`${name}-month`]: month ? String(Number(month)) : '',
    [`${name}-year`]: year ?? '',
  }
}

/** 'YYYY-MM' or 'YYYY-MM-DD' as a month-or-date input (a day only when the date is known). */
export function monthOrDateFields(name: string, when: string | null | undefined): Fields {
  if (!when) return { [`${name}-day`]: '', [`${name}-month`]: '', [`${name}-year`]: '' }
  const [year, month, day] = when.split('-')
  return {
    [`${name}-day`]: day ? String(Number(day)) : '',
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  }
}

/** The exemption questions of the meetings' and decisions' forms. */
export function exemptFields(exempt: { paragraph: number; reason?: string; reviewOn?: string } | undefined): Fields {
  if (!exempt) return { exempt: 'no' }
  return {
    exempt: 'yes',
    exemptParagraph: String(exempt.paragraph),
    exemptReason: exempt.reason ?? '',
    ...dateFields('exemptReviewOn', exempt.reviewOn),
  }
}

/** Signed-in clients of the roles that keep the records, made once per app and shared by its builders. */
export function keepers(t: TestApp) {
  const made = new Map<string, Promise<Agent>>()
  const as = (role: 'scrutiny_officer' | 'analyst' | 'admin') => {
    let agent = made.get(role)
    if (!agent) made.set(role, (agent = t.as(role)))
    return agent
  }
  return {
    /** Keeps the democratic record: bodies, people, meetings, minutes, recommendations, decisions. */
    scrutiny: () => as('scrutiny_officer'),
    /** Keeps the figures: indicators and waiting lists. */
    analyst: () => as('analyst'),
    admin: () => as('admin'),
  }
}

export type Keepers = ReturnType<typeof keepers>

/** The id of a record from its slug: addresses carry slugs, while forms post ids. */
export async function idBySlug(t: TestApp, table: 'bodies' | 'people' | 'meetings', slug: string): Promise<string> {
  const row = await t.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  return row.id
}
