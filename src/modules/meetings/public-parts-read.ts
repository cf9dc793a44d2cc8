import { sql } from 'kysely'
import type { Db } from '#src/database.ts'
import { fromJsonRows, jsonRows } from '#src/platform/db/json-rows.ts'
import { type QuestionRow, questionColumns } from './questions/repository.ts'
import { type SpeakerRow, speakerColumns } from './speakers/repository.ts'

const columns = (table: string, names: readonly string[]) => sql.join(names.map((name) => sql.ref(`${table}.${name}`)))

/** A meeting's public questions and speakers (questionsOf, speakersOf) in one query: the meeting page shows both. */
export async function readPublicParts(db: Db, meetingId: string) {
  const row = await db
    .selectNoFrom([
      jsonRows(
        sql`select ${columns('publicQuestions', questionColumns)} from public_questions where meeting_id = ${meetingId}`,
        sql`listed.position`,
      ).as('questions'),
      jsonRows(
        sql`select ${columns('publicSpeakers', speakerColumns)} from public_speakers where meeting_id = ${meetingId}`,
        sql`listed.position`,
      ).as('speakers'),
    ])
    .executeTakeFirstOrThrow()
  return { questions: fromJsonRows<QuestionRow>(row.questions), speakers: fromJsonRows<SpeakerRow>(row.speakers) }
}
