import type { FastifyPluginAsync } from 'fastify'
import type { JobHandler } from '#src/platform/jobs/index.ts'

/**
 * What every module's `create<Module>(deps)` returns, the one shape app.ts composes: the service
 * other modules call and the module's pages and forms.
 */
export interface Module<Service> {
  service: Service
  routes: FastifyPluginAsync
}

/** A module with work done outside requests: the handlers of its kinds of job (platform/jobs). */
export interface JobsModule<Service> extends Module<Service> {
  jobs: Record<string, JobHandler>
}

/** A module that publishes open data: its part of /api/v1 besides. */
export interface ApiModule<Service> extends Module<Service> {
  api: FastifyPluginAsync
}
