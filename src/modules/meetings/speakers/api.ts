import { z } from 'zod'
import { apiId } from '#src/platform/http/api-schemas.ts'
import { openDataName } from '../member-of-the-public.ts'
import type { SpeakerRow } from './repository.ts'
import { MOST_MINUTES_SPOKEN, SPEAKER_KINDS, SPEAKER_STANCES } from './schema.ts'

/** A deputation or public speaker in the open data of its meeting; '' in the record is null here. */
export const speakerApiSchema = z.strictObject({
  position: z.int().min(1).describe('The order they spoke in, from 1'),
  agendaItemId: apiId.nullable().describe('The agenda item they spoke on; null when they spoke to the meeting'),
  kind: z.enum(SPEAKER_KINDS).describe('A deputation speaks for an organisation or group'),
  speakerName: z.string().nullable().describe('Who spoke; null unless they agreed to be named'),
  onBehalfOf: z.string().nullable().describe('The organisation or group they spoke for'),
  stance: z.enum(SPEAKER_STANCES).nullable().describe('For or against what the item proposes; null when not recorded'),
  minutesSpoken: z.int().min(0).max(MOST_MINUTES_SPOKEN).nullable().describe('How long they spoke, in minutes'),
  summary: z.string().nullable().describe('What they said, in the officer’s words'),
})

/** The speaker as open data: named only with their consent, whoever asks. */
export function speakerApi(speaker: SpeakerRow): z.output<typeof speakerApiSchema> {
  return {
    position: speaker.position,
    agendaItemId: speaker.agendaItemId,
    kind: speaker.kind,
    speakerName: openDataName({ name: speaker.speakerName, named: speaker.speakerNamed }),
    onBehalfOf: speaker.onBehalfOf || null,
    stance: speaker.stance,
    minutesSpoken: speaker.minutesSpoken,
    summary: speaker.summary || null,
  }
}
