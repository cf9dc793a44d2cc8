import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from './index.ts'

/** What every meetings route needs. */
export interface MeetingsRouteDeps {
  service: MeetingsService
  audit: AuditReader
  bodies: BodiesService
}

/** Where this module's templates are, as the view engine names them. */
export const views = 'modules/meetings/views'
