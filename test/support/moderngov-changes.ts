import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/* Changed copies of test/fixtures/moderngov, as a council's Modern.gov record changes between two imports. */

const FIXTURES = 'test/fixtures/moderngov'

/** A copy of the fixtures (the malformed file left out), changed as `edits` say: file → [from, to] pairs. */
export async function fixtureCopy(edits: Record<string, [string, string][]> = {}, extra: Record<string, string> = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'moderngov-update-'))
  await cp(FIXTURES, folder, {
    recursive: true,
    filter: (source) => !source.endsWith('malformed.xml'),
  })
  for (const [file, pairs] of Object.entries(edits)) {
    let content = await readFile(join(folder, file), 'utf8')
    for (const [from, to] of pairs) {
      if (!content.includes(from)) throw new Error(`${file} has no ${from}`)
      content = content.replace(from, to)
    }
    await writeFile(join(folder, file), content)
  }
  for (const [file, content] of Object.entries(extra)) await writeFile(join(folder, file), content)
  return folder
}

const ITEM_9201 = /<agendaitem>\s*<agendaitemid>9201<\/agendaitemid>[\s\S]*?<\/agendaitem>/
export const ITEM_9202 = /<agendaitem>\s*<agendaitemid>9202<\/agendaitemid>[\s\S]*?<\/agendaitem>/

/** Meeting 2002 with its two items the other way round, a new item and one more attendee, cancelled and moved. */
export async function changedJune() {
  const june = await readFile(`${FIXTURES}/meeting-2002.xml`, 'utf8')
  const first = ITEM_9201.exec(june)![0]
  const second = ITEM_9202.exec(june)![0]
  const added = second
    .replace('9202', '9203')
    .replace('<agendaitemnumber>2', '<agendaitemnumber>3')
    .replace('2.</full', '3.</full')
    .replace('Youth justice plan', 'Care leavers’ offer')
  return june
    .replace(first, '@@FIRST@@')
    .replace(second, `${first.replace('1.</full', '2.</full')}\n    ${added}`)
    .replace('@@FIRST@@', second.replace('2.</full', '1.</full'))
    .replace('Agenda published', 'Cancelled')
    .replace('Committee Room A, Town Hall', 'Committee Room B, Town Hall')
    .replace(
      '</attendees>',
      '  <attendee><memberid>0</memberid><name>Head of Democratic Services</name><roledescription>Officer</roledescription><attendance>Expected</attendance></attendee>\n  </attendees>',
    )
}

/** A new meeting, 2005 on 10 October 2024, like 2002: its items 9501 and `secondItem`. */
export async function meeting2005(secondItem: string) {
  return (await readFile(`${FIXTURES}/meeting-2002.xml`, 'utf8'))
    .replace('<meetingid>2002', '<meetingid>2005')
    .replace('20/06/2024', '10/10/2024')
    .replace('<agendaitemid>9201', '<agendaitemid>9501')
    .replace('<agendaitemid>9202', `<agendaitemid>${secondItem}`)
}
