import type { Migration, MigrationProvider } from 'kysely'
import * as platform from './2024-01-01-0001-platform.ts'
import * as democraticRecord from './2024-01-01-0002-democratic-record.ts'
import * as recommendations from './2024-01-03-0003-recommendations.ts'
import * as decisionsAndWorkProgramme from './2024-01-03-0004-decisions-and-work-programme.ts'
import * as waitingLists from './2024-01-05-0005-waiting-lists.ts'
import * as indicators from './2024-01-06-0006-indicators.ts'
import * as indicatorLinks from './2024-01-06-0007-indicator-links.ts'
import * as improvement from './2024-01-07-0008-inspections-and-improvement-plans.ts'
import * as indicatorActionLinks from './2024-01-07-0009-indicator-action-links.ts'
import * as signInThrottle from './2024-01-08-0010-sign-in-throttle.ts'
import * as editVersions from './2024-01-08-0011-edit-versions.ts'
import * as backups from './2024-01-08-0012-backups.ts'
import * as councilSettings from './2024-01-09-0013-council-settings.ts'
import * as agendaPublishing from './2024-01-10-0014-agenda-publishing.ts'
import * as decisionsGeneral from './2024-01-10-0015-decisions-general.ts'
import * as councilsOwnRecords from './2024-01-10-0016-councils-own-records.ts'
import * as indicatorGroups from './2024-01-10-0017-indicator-groups.ts'
import * as meetingEndTime from './2024-01-10-0018-meeting-end-time.ts'
import * as meetingTypeContactWebcast from './2024-01-10-0019-meeting-type-contact-webcast.ts'
import * as attendanceDeclarations from './2024-01-11-0021-attendance-declarations.ts'
import * as bodiesPeople from './2024-01-11-0022-bodies-people.ts'
import * as noticesReviewsTargets from './2024-01-11-0023-notices-reviews-targets.ts'
import * as agendaCycle from './2024-01-11-0024-agenda-cycle.ts'
import * as supplementaryAgendas from './2024-01-11-0025-supplementary-agendas.ts'
import * as publicQuestions from './2024-01-12-0026-public-questions.ts'
import * as petitions from './2024-01-12-0027-petitions.ts'
import * as motionsVotes from './2024-01-12-0028-motions-votes.ts'
import * as publicSpeakers from './2024-01-12-0029-public-speakers.ts'
import * as municipalYear from './2024-01-12-0030-municipal-year.ts'
import * as importProvenance from './2024-01-12-0031-import-provenance.ts'
import * as importFields from './2024-01-13-0032-import-fields.ts'
import * as itemDocuments from './2024-01-14-0033-item-documents.ts'
import * as importBatches from './2024-01-15-0034-import-batches.ts'
import * as auditAppDate from './2024-01-16-0035-audit-app-date.ts'
import * as publishedPapers from './2024-01-17-0036-published-papers.ts'
import * as withdrawnPapers from './2024-01-18-0037-withdrawn-papers.ts'
import * as outbox from './2024-01-19-0038-outbox.ts'
import * as alertSubscriptions from './2024-01-20-0039-alert-subscriptions.ts'
import * as jobs from './2024-01-21-0040-jobs.ts'
import * as sessionSignInMethod from './2024-01-22-0041-session-sign-in-method.ts'
import * as searchVectors from './2024-01-23-0042-search-vectors.ts'
import * as auditTrailIndexes from './2024-01-24-0043-audit-trail-indexes.ts'
import * as statutoryReturns from './2024-01-26-0045-statutory-returns.ts'
import * as reportedPeriodsIndex from './2024-01-27-0046-reported-periods-index.ts'
import * as ginWithoutPendingList from './2024-01-28-0047-gin-without-pending-list.ts'
import * as reportItemPlace from './2024-01-29-0048-report-item-place.ts'
import * as moreSearchVectors from './2024-01-30-0049-more-search-vectors.ts'

/**
 * Forward-only migrations, listed here rather than read from the folder so that they work
 * the same under tsx, vitest and a bundler. Add new files at the end; never edit a landed one.
 */
const migrations: Record<string, Migration> = {
  '2024-01-01-0001-platform': platform,
  '2024-01-01-0002-democratic-record': democraticRecord,
  '2024-01-03-0003-recommendations': recommendations,
  '2024-01-03-0004-decisions-and-work-programme': decisionsAndWorkProgramme,
  '2024-01-05-0005-waiting-lists': waitingLists,
  '2024-01-06-0006-indicators': indicators,
  '2024-01-06-0007-indicator-links': indicatorLinks,
  '2024-01-07-0008-inspections-and-improvement-plans': improvement,
  '2024-01-07-0009-indicator-action-links': indicatorActionLinks,
  '2024-01-08-0010-sign-in-throttle': signInThrottle,
  '2024-01-08-0011-edit-versions': editVersions,
  '2024-01-08-0012-backups': backups,
  '2024-01-09-0013-council-settings': councilSettings,
  '2024-01-10-0014-agenda-publishing': agendaPublishing,
  '2024-01-10-0015-decisions-general': decisionsGeneral,
  '2024-01-10-0016-councils-own-records': councilsOwnRecords,
  '2024-01-10-0017-indicator-groups': indicatorGroups,
  '2024-01-10-0018-meeting-end-time': meetingEndTime,
  '2024-01-10-0019-meeting-type-contact-webcast': meetingTypeContactWebcast,
  '2024-01-11-0021-attendance-declarations': attendanceDeclarations,
  '2024-01-11-0022-bodies-people': bodiesPeople,
  '2024-01-11-0023-notices-reviews-targets': noticesReviewsTargets,
  '2024-01-11-0024-agenda-cycle': agendaCycle,
  '2024-01-11-0025-supplementary-agendas': supplementaryAgendas,
  '2024-01-12-0026-public-questions': publicQuestions,
  '2024-01-12-0027-petitions': petitions,
  '2024-01-12-0028-motions-votes': motionsVotes,
  '2024-01-12-0029-public-speakers': publicSpeakers,
  '2024-01-12-0030-municipal-year': municipalYear,
  '2024-01-12-0031-import-provenance': importProvenance,
  '2024-01-13-0032-import-fields': importFields,
  '2024-01-14-0033-item-documents': itemDocuments,
  '2024-01-15-0034-import-batches': importBatches,
  '2024-01-16-0035-audit-app-date': auditAppDate,
  '2024-01-17-0036-published-papers': publishedPapers,
  '2024-01-18-0037-withdrawn-papers': withdrawnPapers,
  '2024-01-19-0038-outbox': outbox,
  '2024-01-20-0039-alert-subscriptions': alertSubscriptions,
  '2024-01-21-0040-jobs': jobs,
  '2024-01-22-0041-session-sign-in-method': sessionSignInMethod,
  '2024-01-23-0042-search-vectors': searchVectors,
  '2024-01-24-0043-audit-trail-indexes': auditTrailIndexes,
  '2024-01-26-0045-statutory-returns': statutoryReturns,
  '2024-01-27-0046-reported-periods-index': reportedPeriodsIndex,
  '2024-01-28-0047-gin-without-pending-list': ginWithoutPendingList,
  '2024-01-29-0048-report-item-place': reportItemPlace,
  '2024-01-30-0049-more-search-vectors': moreSearchVectors,
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  },
}
