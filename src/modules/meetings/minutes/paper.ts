import type { Paper, PaperBlock, PaperSection } from '#src/platform/papers/paper.ts'
import { plainTextBlocks } from '#src/platform/papers/plain-text.ts'
import { clockTime, itemHeading, longDate, longDateWithDay } from '#src/platform/views/filters.ts'
import type { VoteView } from '../votes/view.ts'
import type { MinutesRecord } from './service.ts'

type Content = MinutesRecord & { minutes: NonNullable<MinutesRecord['minutes']> }
type Item = Content['items'][number]
type Row = Content['groups']['members'][number]
type Motion = Content['meetingMotions'][number]
type Question = Content['meetingQuestions'][number]
type Speaker = Content['meetingSpeakers'][number]

/** "Minutes of Children and Young People's Scrutiny Committee, Thursday 25 January 2024": the page's heading. */
export function minutesTitle(record: Pick<MinutesRecord, 'body' | 'meeting'>): string {
  return `Minutes of ${record.body.name}, ${longDateWithDay(record.meeting.date)}`
}

/**
 * The minutes as printed, from the record the minutes page shows this viewer (so never more than the
 * page): their status, attendance, declarations, each item with its minute, the public's part,
 * motions, resolutions and votes (an exempt item withheld from the viewer is its title and paragraph),
 * when the meeting ended, and a line for the chair to sign. Each item is a bookmark.
 */
export function minutesPaper(record: Content, council: string): Paper {
  const title = minutesTitle(record)
  const opening: PaperBlock[] = [
    { kind: 'heading', level: 1, text: title },
    ...statusBlocks(record),
    ...attendanceBlocks(record.groups),
    ...declarationBlocks(record),
  ]
  const meetingWide: PaperBlock[] = [
    ...questionBlocks(record.meetingQuestions, 2),
    ...speakerBlocks(record.meetingSpeakers, 2),
    ...motionBlocks(record.meetingMotions, 2),
  ]
  const ended = record.minutes.endedAtTime
  const closing: PaperBlock[] = [
    ...meetingWide,
    ...(ended ? [paragraph(`The meeting ended at ${clockTime(ended)}.`)] : []),
    paragraph('Chair ..........................................................'),
    paragraph('Date ..........................................................'),
  ]
  return {
    title,
    author: council,
    sections: [
      { id: 'attendance', bookmark: 'Attendance and declarations', blocks: opening },
      ...record.items.map((item) => itemSection(record, item)),
      { id: 'close', bookmark: meetingWide.length ? 'The meeting as a whole' : 'Close', blocks: closing },
    ],
  }
}

const paragraph = (text: string, style?: 'strong' | 'small'): PaperBlock => ({ kind: 'paragraph', text, style })
const heading = (level: 2 | 3, text: string): PaperBlock => ({ kind: 'heading', level, text })

function statusBlocks({ minutes, approval }: Content): PaperBlock[] {
  if (minutes.status === 'draft')
    return [paragraph('Draft. These minutes are a draft: only people who record minutes can see them.', 'strong')]
  if (minutes.status === 'published') {
    const on = minutes.publishedAt ? ` on ${longDate(minutes.publishedAt)}` : ''
    return [paragraph(`Published${on}. These minutes have not yet been approved as a correct record.`)]
  }
  if (!approval) return [paragraph('Approved as a correct record.')]
  const under = approval.item.number ? `item ${approval.item.number}` : `item “${approval.item.title}”`
  const at = `Approved as a correct record at the meeting on ${longDate(approval.meeting.date)} under ${under}`
  return approval.amendment
    ? [paragraph(`${at}, with amendments:`), ...plainTextBlocks(approval.amendment)]
    : [paragraph(`${at}.`)]
}

/** "Councillor Burdess, Vice Chair (substitute for Councillor Hunter)", as the page's name lists read. */
function nameLine(row: Row): string {
  const notes = [
    row.substituteFor
      ? ` (substitute for ${row.substituteFor}${row.status === 'present remotely' ? ', present remotely' : ''})`
      : '',
    row.substitutedBy ? ` (substitute: ${row.substitutedBy})` : '',
    row.arrivedAtItem ? ` (arrived at item ${row.arrivedAtItem})` : '',
    row.leftAtItem ? ` (left at item ${row.leftAtItem})` : '',
  ]
  return `${row.name}${row.roleAtMeeting ? `, ${row.roleAtMeeting}` : ''}${notes.join('')}`
}

function names(rows: Row[], title?: string): PaperBlock[] {
  if (!rows.length) return []
  return [...(title ? [heading(3, title)] : []), { kind: 'list', items: rows.map(nameLine) }]
}

function attendanceBlocks(groups: Content['groups']): PaperBlock[] {
  const inRoom = [groups.members, groups.coOptedMembers, groups.otherPresent]
  const blocks: PaperBlock[] = [
    heading(2, 'Present'),
    ...(groups.chair ? [paragraph(`${groups.chair.name} (in the Chair)`)] : []),
    ...names(groups.members, 'Members'),
    ...names(groups.coOptedMembers, 'Co-opted members'),
    ...names(groups.otherPresent, 'Also present'),
  ]
  if (!groups.chair && inRoom.every((rows) => !rows.length))
    blocks.push(paragraph('Nobody has been recorded as present in the room.'))
  const others: [string, Row[], string?][] = [
    ['Substitutes', groups.substitutes],
    ['Present remotely', groups.presentRemotely, 'Not counted in the quorum and unable to vote.'],
    ['Apologies', groups.apologies],
    ['Absent', groups.absent],
    ['Expected', groups.expected],
    ['In attendance', groups.inAttendance],
  ]
  for (const [title, rows, note] of others) {
    if (!rows.length) continue
    blocks.push(heading(2, title), ...(note ? [paragraph(note)] : []), ...names(rows))
  }
  return blocks
}

function declarationBlocks(record: Content): PaperBlock[] {
  const blocks: PaperBlock[] = [heading(2, 'Declarations of interest')]
  if (!record.declarations.length) {
    const none = record.minutes.noDeclarations
    return [
      ...blocks,
      paragraph(
        none ? 'There were no declarations of interest.' : 'No declarations of interest have been recorded yet.',
      ),
    ]
  }
  const rows = record.declarations.map((d) => {
    const items = d.items.length ? d.items.map(itemHeading).join('; ') : 'The whole meeting'
    const left =
      d.leftRoom === true ? ' They left the room.' : d.leftRoom === false ? ' They did not leave the room.' : ''
    const dispensation = d.dispensation ? ` Dispensation: ${d.dispensation}` : ''
    const category = d.categoryText ? d.categoryText[0].toUpperCase() + d.categoryText.slice(1) : ''
    return [d.member, items, category, `${d.nature}${left}${dispensation}`]
  })
  const columns = [
    { heading: 'Member' },
    { heading: 'Item' },
    { heading: 'Category of interest' },
    { heading: 'Nature of interest', width: 2 },
  ]
  return [...blocks, { kind: 'table', caption: 'Declarations of interest made at the meeting', columns, rows }]
}

function itemSection(record: Content, item: Item): PaperSection {
  const title = itemHeading(item)
  const blocks: PaperBlock[] = [
    ...(item.minuteNumber ? [paragraph(`Minute ${item.minuteNumber}`, 'small')] : []),
    heading(2, title),
    ...(item.exempt ? [paragraph(item.exempt.label, 'strong')] : []),
  ]
  if (!item.withheld) {
    blocks.push(...plainTextBlocks(item.minute))
    if (item.noRequestsToSpeak && !item.minute) blocks.push(paragraph('No members of the public asked to speak'))
    blocks.push(...questionBlocks(record.itemQuestions[item.id] ?? [], 3))
    blocks.push(...speakerBlocks(record.itemSpeakers[item.id] ?? [], 3))
    blocks.push(...motionBlocks(record.itemMotions[item.id] ?? [], 3))
    if (item.resolutions.length)
      blocks.push(paragraph('The Committee agreed:'), {
        kind: 'list',
        numbered: true,
        items: item.resolutions.map((resolution) => resolution.text),
      })
    if (item.votes.length) blocks.push(heading(3, 'Votes'), ...item.votes.flatMap(voteBlocks))
  }
  return { id: `item-${item.position}`, bookmark: title, blocks }
}

function voteBlocks(vote: VoteView): PaperBlock[] {
  const blocks = [paragraph(vote.label, 'strong'), paragraph(vote.summary)]
  if (vote.castingVote)
    blocks.push(paragraph(`The chair${vote.chair ? `, ${vote.chair},` : ''} gave a casting vote ${vote.castingVote}.`))
  if (vote.recorded)
    blocks.push(
      vote.byVote.length
        ? { kind: 'facts', rows: vote.byVote.map((group) => ({ label: group.heading, value: group.names.join(', ') })) }
        : paragraph('Recorded vote: no member’s vote is recorded by name.'),
    )
  return blocks
}

function questionBlocks(questions: Question[], level: 2 | 3): PaperBlock[] {
  if (!questions.length) return []
  return [
    heading(level, 'Public questions'),
    ...questions.flatMap((q): PaperBlock[] => {
      const to = q.toWhom ? ` to ${q.toWhom}` : ''
      const answeredAt =
        q.answeredAt === 'written' ? ' (in writing)' : q.answeredAt === 'meeting' ? ' (at the meeting)' : ''
      return [
        paragraph(`Question ${q.position} from ${q.asker}${to}, received on ${longDate(q.receivedOn)}`, 'strong'),
        ...plainTextBlocks(q.question),
        ...(q.answer
          ? [paragraph(`Answer${answeredAt}`, 'strong'), ...plainTextBlocks(q.answer)]
          : q.notReached
            ? [paragraph('Not reached: a written answer will be published')]
            : []),
        ...(q.supplementary
          ? [paragraph('Supplementary question', 'strong'), ...plainTextBlocks(q.supplementary)]
          : []),
        ...(q.supplementary && q.supplementaryAnswer
          ? [paragraph('Answer to the supplementary question', 'strong'), ...plainTextBlocks(q.supplementaryAnswer)]
          : []),
      ]
    }),
  ]
}

const STANCES: Record<string, string> = {
  for: ', speaking for',
  against: ', speaking against',
  neither: ', speaking neither for nor against',
}

function speakerBlocks(speakers: Speaker[], level: 2 | 3): PaperBlock[] {
  if (!speakers.length) return []
  return [
    heading(level, 'Deputations and public speakers'),
    ...speakers.flatMap((s): PaperBlock[] => {
      const kind = s.kind === 'deputation' ? 'Deputation' : 'Public speaker'
      const behalf = s.onBehalfOf ? ` on behalf of ${s.onBehalfOf}` : ''
      const stance = (s.stance && STANCES[s.stance]) ?? ''
      const spoke =
        s.minutesSpoken !== null ? ` (${s.minutesSpoken} ${s.minutesSpoken === 1 ? 'minute' : 'minutes'})` : ''
      return [paragraph(`${kind} from ${s.speaker}${behalf}${stance}${spoke}`, 'strong'), ...plainTextBlocks(s.summary)]
    }),
  ]
}

const OUTCOMES: Record<string, string> = {
  carried: 'Carried',
  lost: 'Lost',
  withdrawn: 'Withdrawn',
  deferred: 'Deferred',
  accepted: 'Accepted by the mover',
}

function movedBy(record: { mover: { name: string } | null; seconder: { name: string } | null }): PaperBlock[] {
  if (record.mover)
    return [paragraph(`Moved by ${record.mover.name}${record.seconder ? `, seconded by ${record.seconder.name}` : ''}`)]
  return record.seconder ? [paragraph(`Seconded by ${record.seconder.name}`)] : []
}

function motionBlocks(motions: Motion[], level: 2 | 3): PaperBlock[] {
  if (!motions.length) return []
  const outcome = (value: string | null) => (value ? OUTCOMES[value] : 'Not yet decided')
  return [
    heading(level, 'Motions'),
    ...motions.flatMap((motion): PaperBlock[] => [
      paragraph(`Motion ${motion.position}: ${outcome(motion.outcome)}`, 'strong'),
      ...movedBy(motion),
      ...plainTextBlocks(motion.text),
      ...motion.amendments.flatMap((amendment): PaperBlock[] => [
        paragraph(`Amendment ${amendment.position}: ${outcome(amendment.outcome)}`, 'strong'),
        ...movedBy(amendment),
        ...plainTextBlocks(amendment.text),
        ...(amendment.vote ? voteBlocks(amendment.vote) : []),
      ]),
      ...(motion.substantiveText
        ? [paragraph('Substantive motion', 'strong'), ...plainTextBlocks(motion.substantiveText)]
        : []),
      ...(motion.vote ? voteBlocks(motion.vote) : []),
    ]),
  ]
}
