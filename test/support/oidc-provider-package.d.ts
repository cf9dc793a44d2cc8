// oidc-provider (v9) ships no types of its own; this is the part of its API that
// test/support/oidc-provider.ts uses. @types/oidc-provider describes older versions.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface Grant {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }
  interface Context {
    oidc: {
      provider: Provider
      client?: { clientId: string }
      session?: { accountId?: string }
    }
  }
  interface Account {
    accountId: string
    claims(): Record<string, unknown>
  }

  class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    Grant: new (properties: { clientId: string; accountId: string }) => Grant
    callback(): (request: IncomingMessage, response: ServerResponse) => void
  }
  export type { Account, Context }
  export default Provider
}
