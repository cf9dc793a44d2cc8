import type { FastifyPluginAsync } from 'fastify'

/**
 * What every module's `create<Module>(deps)` returns, the one shape app.ts composes: the service
 * other modules call and the module's pages and forms.
 */
export interface Module<Service> {
  service: Service
  routes: FastifyPluginAsync
}

/** A module that publishes open data: its part of /api/v1 besides. */
export interface ApiModule<Service> extends Module<Service> {
  api: FastifyPluginAsync
}
