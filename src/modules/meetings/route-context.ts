import { z } from 'zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { type FormValues, selectItems } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { itemHeading } from '#src/platform/views/filters.ts'
import type { SourceOf } from '#src/platform/provenance/source.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from './index.ts'
import type { AgendaItemRow } from './repository.ts'

/** What every meetings route needs. */
export interface MeetingsRouteDeps {
  service: MeetingsService
  audit: AuditReader
  bodies: BodiesService
  sources: SourceOf
}

/** Where this module's templates are, as the view engine names them. */
export const views = 'modules/meetings/views'

/** An agenda item's place on the agenda in an address, 1 to 9999: anything else names no item (404). */
const itemPosition = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number)
  .refine((position) => position >= 1)

/** The path parameters of a meeting's pages, of its agenda items' and of their reports' appendices. */
export const meetingParams = { schema: { params: pathParams('slug') } }
export const itemParams = { schema: { params: z.object({ slug: z.string(), position: itemPosition }) } }
/** The path parameters of a record numbered within its meeting (a public question, a speaker): `n` from its place. */
export const meetingRecordParams = {
  schema: {
    params: z.object({
      slug: z.string(),
      n: z
        .string()
        .regex(/^\d{1,4}$/)
        .transform(Number),
    }),
  },
}
export const appendixParams = {
  schema: { params: z.object({ slug: z.string(), position: itemPosition, id: z.string() }) },
}

/** The choice of agenda item on the forms that record the public's part, motions and votes: none means the meeting. */
export function agendaItemChoices(items: AgendaItemRow[], values: FormValues) {
  return selectItems(
    'The meeting, not one item',
    items.map((item) => ({ value: item.id, text: itemHeading(item) })),
    values.agendaItemId,
  )
}
