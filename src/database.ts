import type { Kysely, Transaction } from 'kysely'
import type { AuditTables } from '#src/platform/audit/tables.ts'
import type { AuthTables } from '#src/platform/auth/tables.ts'
import type { BackupTables } from '#src/platform/backup/tables.ts'
import type { JobsTables } from '#src/platform/jobs/tables.ts'
import type { BodiesTables } from '#src/modules/bodies/index.ts'
import type { MeetingsTables } from '#src/modules/meetings/index.ts'
import type { RecommendationsTables } from '#src/modules/recommendations/index.ts'
import type { DecisionsTables } from '#src/modules/decisions/index.ts'
import type { WorkProgrammeTables } from '#src/modules/workprogramme/index.ts'
import type { WaitingListsTables } from '#src/modules/waitinglists/index.ts'
import type { PetitionsTables } from '#src/modules/petitions/index.ts'
import type { IndicatorsTables } from '#src/modules/indicators/index.ts'
import type { ImprovementTables } from '#src/modules/improvement/index.ts'
import type { SettingsTables } from '#src/modules/settings/index.ts'
import type { ImportsTables } from '#src/modules/imports/index.ts'
import type { NotificationsTables } from '#src/modules/notifications/index.ts'
import type { ReturnsTables } from '#src/modules/returns/index.ts'

/** The whole schema, composed from the tables each owner declares. */
export interface Database
  extends
    AuthTables,
    AuditTables,
    BackupTables,
    JobsTables,
    BodiesTables,
    MeetingsTables,
    RecommendationsTables,
    DecisionsTables,
    WorkProgrammeTables,
    WaitingListsTables,
    PetitionsTables,
    IndicatorsTables,
    ImprovementTables,
    SettingsTables,
    ReturnsTables,
    ImportsTables,
    NotificationsTables {}

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
