import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { formFields } from './html.ts'

export interface AgentOptions {
  /** The address the requests come from (light-my-request's default is 127.0.0.1). */
  remoteAddress?: string
  /** Headers sent with every request, e.g. X-Forwarded-For as a proxy would add it. */
  headers?: Record<string, string>
}

/**
 * A browser-like client over app.inject: keeps cookies, and sends forms with the CSRF token
 * read from a page, exactly as a user's browser would. CSRF stays on in tests.
 */
export class Agent {
  private cookies = new Map<string, string>()
  private csrfToken?: string

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: AgentOptions = {},
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** The agent's own headers, then the request's, then its cookies. */
  private headers(headers: Record<string, string> = {}) {
    return { ...this.options.headers, ...headers, cookie: this.cookieHeader() }
  }

  private keepCookies(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      const expired = cookie.maxAge === 0 || (cookie.expires && new Date(cookie.expires).getTime() < Date.now())
      if (expired || cookie.value === '') this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)
    if (token) this.csrfToken = token[1]
    return response
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: this.headers(headers),
      remoteAddress: this.options.remoteAddress,
    })
    return this.keepCookies(response)
  }

  /** Posts a urlencoded form with the CSRF token (fetching one from /sign-in first if needed). */
  async post(url: string, form: Record<string, string | string[] | undefined> = {}, options: { csrf?: boolean } = {}) {
    if (options.csrf !== false && !this.csrfToken) await this.get('/sign-in')
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) {
      if (value === undefined) continue
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    }
    if (options.csrf !== false && this.csrfToken) body.set('_csrf', this.csrfToken)
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      remoteAddress: this.options.remoteAddress,
    })
    return this.keepCookies(response)
  }

  /** Sends a raw request (multipart uploads and the like) with this agent's cookies. */
  async inject(options: {
    method: 'POST' | 'GET'
    url: string
    payload: Buffer | string
    headers: Record<string, string>
  }) {
    const response = await this.app.inject({
      ...options,
      headers: this.headers(options.headers),
      remoteAddress: this.options.remoteAddress,
    })
    return this.keepCookies(response)
  }

  /**
   * Opens an edit form and gives the version of the record it was opened at, as the form's hidden
   * field, to post back as a browser would: `agent.post(url, { ...(await agent.versionOf(url)), … })`.
   */
  async versionOf(formUrl: string): Promise<{ _version: string }> {
    const { _version } = await this.openForm(formUrl)
    if (typeof _version !== 'string') throw new Error(`${formUrl} has no version to post back`)
    return { _version }
  }

  /** Opens the page of a form that posts back to its own address, and gives its fields as they stand. */
  async openForm(formUrl: string): Promise<Record<string, string | string[]>> {
    const page = await this.get(formUrl)
    if (page.statusCode !== 200) throw new Error(`${formUrl} answered ${page.statusCode}`)
    return formFields(page.body, formUrl)
  }

  /** The current CSRF token, fetching a page first if none has been seen. */
  async token(): Promise<string> {
    if (!this.csrfToken) await this.get('/sign-in')
    return this.csrfToken!
  }

  async signIn(email: string, password: string) {
    const response = await this.post('/sign-in', { email, password })
    if (response.statusCode !== 303) throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`)
    return response
  }
}
