import type { FastifyInstance } from 'fastify'
import type { BackupsService } from './service.ts'

/** /admin/backups: when the record was last backed up, for admins. */
export function backupRoutes(service: BackupsService) {
  return async function (app: FastifyInstance) {
    app.get('/admin/backups', async (request, reply) => {
      return reply.page('platform/backup/views/backups.njk', await service.overview(request.ctx))
    })
  }
}
