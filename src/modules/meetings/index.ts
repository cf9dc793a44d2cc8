import type { Db } from '#src/database.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { type SourceOf, noSources } from '#src/platform/provenance/source.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { Module } from '#src/platform/module.ts'
import type { GeneratedAppendixKind } from '#src/platform/papers/generated.ts'
import { createAgendaPublication } from './agenda/publication.ts'
import { createAgendaService } from './agenda/service.ts'
import { createAgendaSupplements } from './agenda/supplements.ts'
import { createPublishedPapers } from './agenda/published-papers.ts'
import { createMotionsService } from './motions/service.ts'
import { createParticipationService } from './participation/service.ts'
import { meetingsReads } from './request-reads.ts'
import { createQuestionsService } from './questions/service.ts'
import { createVotesService } from './votes/service.ts'
import { createSpeakersService } from './speakers/service.ts'
import { createAppendicesService } from './reports/appendix-service.ts'
import { createGeneratedAppendices } from './reports/generated-appendix.ts'
import { createItemDocumentsService } from './item-documents/service.ts'
import { createReportsRepository } from './reports/repository.ts'
import { createReportsService } from './reports/service.ts'
import { DEFAULT_REPORT_TEMPLATE, type ReportTemplate } from './reports/template.ts'
import { createMeetingRemoval } from './removal.ts'
import { createMeetingsRepository } from './repository.ts'
import { meetingsRoutes } from './routes.ts'
import { type MinutesOfMeetings, createMeetingsService } from './service.ts'

export type { MeetingsTables } from './tables.ts'

export type { AgendaItemView, AppendixView } from './redaction.ts'
export { agendaPublishedSql } from './agenda/visibility.ts'
export { type PackInput, type PackItem, agendaPackPaper, renderAgendaPack } from './agenda/pack.ts'
export type { PublishedPapers } from './agenda/published-papers.ts'
export { UNNAMED_MEMBER_OF_THE_PUBLIC } from './member-of-the-public.ts'
export { nextAgendaSection } from './body-section.ts'
export type { MinutesOfMeetings, NamedAttendee } from './service.ts'
export type { VoteView } from './votes/view.ts'
export type { VotesOfMeeting } from './votes/service.ts'
export { type ParticipationSources, participationSection } from './participation/body-section.ts'
export { meetingSlug } from './meeting-slug.ts'
export { MAX_UPLOAD_BYTES, checkUpload, documentDescription } from './documents.ts'
export {
  type ImportedAttendance,
  type ImportedItem,
  type ImportedMeeting,
  insertImportedAttendance,
  insertImportedItem,
  insertImportedMeeting,
  findImportedAttendance,
  findImportedItem,
  findImportedMeeting,
  insertImportedMinutes,
  meetingsWithApprovedMinutes,
  updateImportedAttendance,
  updateImportedItem,
  updateImportedMeeting,
} from './imported.ts'
export {
  type ImportedFile,
  type ImportedItemDocument,
  exemptParagraphOfItem,
  fillImportedItemDocument,
  insertImportedItemDocument,
} from './item-documents/imported.ts'
export { motionsSection } from './motions/person-section.ts'
export { reportPaper } from './reports/paper.ts'
export {
  DEFAULT_REPORT_TEMPLATE,
  REPORT_PARTS,
  type ReportTemplate,
  type SectionKey,
  type TemplateSection,
} from './reports/template.ts'
export {
  type DemoMeetings,
  demoAgendaItemSchema,
  demoMeetingSchema,
  demoMeetingsSchema,
  loadDemoMeetings,
} from './demo.ts'

/** Five clear working days: the notice the Local Government Act 1972 (s100B) requires, when a council sets none. */
export const DEFAULT_PUBLICATION_NOTICE = 5

export interface MeetingsModuleDeps {
  db: Db
  clock: Clock
  audit: AuditReader
  bodies: BodiesService
  /** Where an imported meeting came from, shown on its page. */
  sources?: SourceOf
  /** The minutes module's service, made after this one: see MinutesOfMeetings. */
  minutes: () => MinutesOfMeetings
  /** The council's report template (a council setting); the usual template when not given. */
  reportTemplate?: (ctx: Context) => Promise<ReportTemplate>
  /** The council's publication notice of agendas in clear working days (a council setting); five when not given. */
  publicationNotice?: (ctx: Context) => Promise<number>
  /** The appendices other modules generate from the record (made after this one), offered to report authors. */
  generatedAppendices?: () => readonly GeneratedAppendixKind[]
  /** The council's name (a council setting), on the papers it issues. */
  councilName?: (ctx: Context) => Promise<string>
  /** Keep what the module reads alike from one request to the next until the data changes (request-reads.ts). */
  readsAcrossRequests?: boolean
}

/**
 * The meetings service: the calendar, meetings and their agendas (exempt items redacted for each
 * viewer), reports in the council's template, appendices and their files.
 */
function createService(deps: MeetingsModuleDeps) {
  const repository = createMeetingsRepository(deps.db)
  const reportTemplate = deps.reportTemplate ?? (async () => DEFAULT_REPORT_TEMPLATE)
  const reads = meetingsReads(deps.db, repository, { acrossRequests: deps.readsAcrossRequests ?? false })
  const papers = {
    db: deps.db,
    meetings: repository,
    reports: createReportsRepository(deps.db),
    bodies: deps.bodies,
    reportTemplate,
    councilName: deps.councilName,
    reads,
  }
  const core = {
    db: deps.db,
    repository,
    clock: deps.clock,
    bodies: deps.bodies,
    minutes: deps.minutes,
    publicationNotice: deps.publicationNotice ?? (async () => DEFAULT_PUBLICATION_NOTICE),
    reads,
  }
  const published = createPublishedPapers({
    ...core,
    reportTemplate,
    councilName: deps.councilName ?? (async () => ''),
  })
  return {
    ...createMeetingsService(core),
    ...createMeetingRemoval(core),
    ...createAgendaService(core),
    ...createAgendaPublication(core, published.freezer),
    ...createAgendaSupplements(core, published.freezer),
    ...published.service,
    ...createQuestionsService(core),
    ...createMotionsService(core),
    ...createVotesService(core),
    ...createParticipationService(core),
    ...createSpeakersService(core),
    ...createReportsService(papers),
    ...createAppendicesService(papers),
    ...createGeneratedAppendices({
      ...papers,
      generatedAppendices: deps.generatedAppendices ?? (() => []),
      councilName: deps.councilName ?? (async () => ''),
    }),
    ...createItemDocumentsService({ bodies: deps.bodies, reads }),
  }
}

export type MeetingsService = ReturnType<typeof createService>

/** Meetings, agenda items, reports and appendices (the minutes are their own module, beside this one). */
export function createMeetings(deps: MeetingsModuleDeps): Module<MeetingsService> {
  const service = createService(deps)
  return {
    service,
    routes: meetingsRoutes({ service, audit: deps.audit, bodies: deps.bodies, sources: deps.sources ?? noSources }),
  }
}
