import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MESSAGE_KINDS, type MessageKind, type NotifySettings } from '#src/modules/notifications/index.ts'

/** What the stand-in was asked to send, as GOV.UK Notify's API receives it. */
export interface NotifyRequest {
  templateId: string
  emailAddress: string
  personalisation: Record<string, string | string[]>
  reference?: string
  oneClickUnsubscribeURL?: string
}

const SERVICE_ID = '11111111-2222-4333-8444-555555555555'
const SECRET = '66666666-7777-4888-9999-aaaaaaaaaaaa'

/** The template ids the tests set up, one per kind: 00000000-…-00000000000N. */
const TEMPLATES = Object.fromEntries(
  Object.keys(MESSAGE_KINDS).map((kind, index) => [
    kind,
    `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  ]),
) as Record<MessageKind, string>

/** Checks a Notify API token as Notify does: HS256 with the key's secret, issued by the service, just now. */
function authorised(header: string | undefined): boolean {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1]
  const [head, payload, signature] = token?.split('.') ?? []
  if (!head || !payload || !signature) return false
  const expected = createHmac('sha256', SECRET).update(`${head}.${payload}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; iat?: number }
  return claims.iss === SERVICE_ID && Math.abs(Date.now() / 1000 - (claims.iat ?? 0)) < 30
}

const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

const errors = (status: number, message: string) => ({
  status_code: status,
  errors: [{ error: status === 403 ? 'AuthError' : status === 400 ? 'BadRequestError' : 'Error', message }],
})

async function json(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>
}

/**
 * A local stand-in for GOV.UK Notify's API on 127.0.0.1: it checks the token as Notify does, records
 * each email it is asked to send, answers with an id, and reports each one's status. Tests make it
 * refuse or fail the next requests (`failNext`) and set what it reports (`setStatus`).
 */
export async function startNotifyStandIn() {
  const sent: (NotifyRequest & { id: string })[] = []
  const statuses = new Map<string, string>()
  const failures: { status: number; message: string }[] = []

  const server = createServer((request, response) => {
    void (async () => {
      if (!authorised(request.headers.authorization))
        return send(response, 403, errors(403, 'Invalid token: signature, api token not found'))
      const failure = failures.shift()
      if (failure) return send(response, failure.status, errors(failure.status, failure.message))
      if (request.method === 'POST' && request.url === '/v2/notifications/email') {
        const body = (await json(request)) as {
          template_id?: string
          email_address?: string
          personalisation?: Record<string, string | string[]>
          reference?: string
          one_click_unsubscribe_url?: string
        }
        const id = randomUUID()
        sent.push({
          id,
          templateId: body.template_id ?? '',
          emailAddress: body.email_address ?? '',
          personalisation: body.personalisation ?? {},
          ...(body.reference ? { reference: body.reference } : {}),
          ...(body.one_click_unsubscribe_url ? { oneClickUnsubscribeURL: body.one_click_unsubscribe_url } : {}),
        })
        return send(response, 201, {
          id,
          reference: body.reference ?? null,
          content: { subject: 'Subject', body: 'Body', from_email: 'oversight@notifications.service.gov.uk' },
          uri: `/v2/notifications/${id}`,
          template: { id: body.template_id, version: 1, uri: `/v2/template/${body.template_id ?? ''}` },
        })
      }
      const byId = /^\/v2\/notifications\/([0-9a-f-]{36})$/.exec(request.url ?? '')
      if (request.method === 'GET' && byId) {
        const found = sent.find((message) => message.id === byId[1])
        if (!found) return send(response, 404, errors(404, 'No result found'))
        return send(response, 200, {
          id: found.id,
          type: 'email',
          status: statuses.get(found.id) ?? 'sending',
          email_address: found.emailAddress,
          template: { id: found.templateId, version: 1, uri: '' },
        })
      }
      return send(response, 404, errors(404, 'Not found'))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    /** The settings an app uses to send through the stand-in. */
    settings: {
      apiKey: `oversight_test-${SERVICE_ID}-${SECRET}`,
      baseUrl: `http://127.0.0.1:${port}`,
      templates: TEMPLATES,
    } satisfies NotifySettings,
    templates: TEMPLATES,
    /** Every email asked for, in order. */
    sent,
    /** The next `times` requests answer `status` with `message`. */
    failNext(status: number, message: string, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push({ status, message })
    },
    /** What the stand-in reports of an email from now on: delivered, permanent-failure, … */
    setStatus(id: string, status: string) {
      statuses.set(id, status)
    },
    clear() {
      sent.length = 0
      failures.length = 0
      statuses.clear()
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type NotifyStandIn = Awaited<ReturnType<typeof startNotifyStandIn>>
