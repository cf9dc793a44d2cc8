import type { TestApp } from '../harness.ts'
import type { BodyRecord, MeetingRecord } from './democratic-record.ts'
import { type Keepers, dateFields, submit } from './forms.ts'

/**
 * Builders for the public's part in meetings (questions, petitions, motions), made through the
 * app's own forms by the scrutiny officer; a motion is written to its table while it has no form.
 */
export function participationBuilders(t: TestApp, { scrutiny }: Keepers) {
  /** A public question at `meeting`; its asker is named in public only when `askerNamed`. */
  async function aPublicQuestion(
    meeting: MeetingRecord,
    options: {
      question: string
      askerName?: string
      askerNamed?: boolean
      answer?: string
      supplementary?: string
      supplementaryAnswer?: string
      receivedOn?: string
    },
  ): Promise<string> {
    return submit(await scrutiny(), `${meeting.url}/questions/new`, {
      askerName: options.askerName ?? '',
      askerNamed: options.askerNamed ? 'yes' : undefined,
      toWhom: '',
      ...dateFields('receivedOn', options.receivedOn ?? meeting.date),
      agendaItemId: '',
      question: options.question,
      answer: options.answer ?? '',
      answeredAt: options.answer ? 'meeting' : '',
      supplementary: options.supplementary ?? '',
      supplementaryAnswer: options.supplementaryAnswer ?? '',
    })
  }

  /** A petition, presented to `body` on `presentedOn` when given; its lead petitioner named only when `leadNamed`. */
  async function aPetition(options: {
    title: string
    body?: BodyRecord
    presentedOn?: string
    leadPetitioner?: string
    leadNamed?: boolean
    response?: string
  }): Promise<string> {
    return submit(await scrutiny(), '/petitions', {
      title: options.title,
      leadPetitioner: options.leadPetitioner ?? '',
      leadNamed: options.leadNamed ? 'yes' : undefined,
      paperSignatures: '120',
      ePetitionSignatures: '0',
      bodyId: options.body?.id ?? '',
      ...dateFields('presentedOn', options.presentedOn),
      threshold: '',
      response: options.response ?? '',
      ...dateFields('respondedOn', options.response ? options.presentedOn : undefined),
    })
  }

  /** A motion moved at `meeting`, with its amendments in order, written straight to the tables. */
  async function aMotion(
    meeting: MeetingRecord,
    options: { text: string; substantiveText?: string; amendments?: string[] },
  ): Promise<{ id: string; position: number }> {
    const last = await t.db
      .selectFrom('motions')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('meetingId', '=', meeting.id)
      .executeTakeFirst()
    const motion = await t.db
      .insertInto('motions')
      .values({
        meetingId: meeting.id,
        position: Number(last?.position ?? 0) + 1,
        text: options.text,
        substantiveText: options.substantiveText ?? '',
      })
      .returning(['id', 'position'])
      .executeTakeFirstOrThrow()
    for (const [index, text] of (options.amendments ?? []).entries()) {
      await t.db
        .insertInto('motionAmendments')
        .values({ motionId: motion.id, position: index + 1, text })
        .execute()
    }
    return motion
  }

  return { aPublicQuestion, aPetition, aMotion }
}
