import formbody from '@fastify/formbody'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { EditConflictError, RuleError } from '#src/platform/http/errors.ts'
import { type FieldErrors, formStatus } from './errors.ts'
import { isoDate, requiredText } from './fields.ts'
import { type FormPost, submitForm } from './submit.ts'
import type { FormValues } from './values.ts'

const schema = z
  .object({
    title: requiredText('Enter a title'),
    dueOn: isoDate('Due date must be a real date'),
    doneOn: z.string().optional(),
  })
  .refine((form) => !form.doneOn, { path: ['title'], message: 'Title refused last', when: () => true })

type Input = z.output<typeof schema>

/** Posts a form to a route that submits it with `form`, recording what it saved and what it showed again. */
async function post(fields: Record<string, string>, form: Partial<FormPost<typeof schema, { id: string }>> = {}) {
  const app = Fastify()
  await app.register(formbody)
  const saved: { input: Input; version: number | null }[] = []
  const shown: { values: FormValues; errors: FieldErrors }[] = []
  app.post('/things', (request, reply) =>
    submitForm(request, reply, {
      schema,
      dates: ['dueOn'],
      save: async (input, version) => {
        saved.push({ input, version })
        return { id: 'thing-1' }
      },
      render: (values, errors) => {
        shown.push({ values, errors })
        return reply.code(formStatus(errors)).send('form')
      },
      redirect: (thing) => `/things/${thing.id}`,
      ...form,
    }),
  )
  const response = await app.inject({
    method: 'POST',
    url: '/things',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  return { response, saved, shown }
}

const valid = { title: 'A plan', 'dueOn-day': '31', 'dueOn-month': '3', 'dueOn-year': '2024', _version: '4' }

describe('submitForm', () => {
  it('saves the parsed form, dates joined, with the version it was opened at, and redirects with 303', async () => {
    const { response, saved } = await post(valid)
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/things/thing-1')
    expect(saved).toEqual([{ input: { title: 'A plan', dueOn: '2024-03-31' }, version: 4 }])
  })

  it('shows the form again with what was typed and each error, a date’s linking to its day, saving nothing', async () => {
    const { response, saved, shown } = await post({
      title: ' ',
      'dueOn-day': '30',
      'dueOn-month': '2',
      'dueOn-year': '2024',
    })
    expect(response.statusCode).toBe(400)
    expect(saved).toEqual([])
    expect(shown[0].values).toEqual({ title: ' ', 'dueOn-day': '30', 'dueOn-month': '2', 'dueOn-year': '2024' })
    expect(shown[0].errors.errorSummary).toEqual([
      { text: 'Enter a title', href: '#title' },
      { text: 'Due date must be a real date', href: '#dueOn-day' },
    ])
    expect(shown[0].errors.errors.dueOn).toEqual({ text: 'Due date must be a real date' })
  })

  it('puts the error summary in the order of the form when told it', async () => {
    const fields = { title: 'A plan', 'dueOn-day': '0', 'dueOn-month': '1', 'dueOn-year': '2024', doneOn: 'x' }
    const unordered = await post(fields)
    expect(unordered.shown[0].errors.errorSummary.map((e) => e.href)).toEqual(['#dueOn-day', '#title'])
    const ordered = await post(fields, { order: ['title', 'dueOn'] })
    expect(ordered.shown[0].errors.errorSummary.map((e) => e.href)).toEqual(['#title', '#dueOn-day'])
  })

  it('shows a rule the service refused beside its field', async () => {
    const { response, shown } = await post(valid, {
      save: () => Promise.reject(new RuleError('A plan with this title already exists', 'title')),
    })
    expect(response.statusCode).toBe(400)
    expect(shown[0].errors.errorSummary).toEqual([{ text: 'A plan with this title already exists', href: '#title' }])
  })

  it('shows a save over someone else’s change as the 409 refusal, with what was typed', async () => {
    const conflict = {
      what: 'This plan',
      subjectType: 'plan',
      subjectId: 'p',
      recordId: 'p',
      expected: 4,
      current: 5,
      changedBy: 'Jane Smith',
      changedAt: null,
    }
    const { response, shown } = await post(valid, { save: () => Promise.reject(new EditConflictError(conflict)) })
    expect(response.statusCode).toBe(409)
    expect(shown[0].values.title).toBe('A plan')
    expect(shown[0].errors.editConflict).toMatchObject({ current: 5 })
    expect(shown[0].errors.errorSummary[0].href).toBe('#edit-conflict')
  })

  it('runs a form with no fields (a button) straight to the service', async () => {
    let called = 0
    const { response } = await post({}, { schema: undefined, dates: [], save: async () => ({ id: `run-${++called}` }) })
    expect(response.headers.location).toBe('/things/run-1')
  })

  it('lets anything else the service throws reach the error page', async () => {
    const { response } = await post(valid, { save: () => Promise.reject(new Error('database down')) })
    expect(response.statusCode).toBe(500)
  })
})
