import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runImportCommand } from '../../../test/support/import-command.ts'
import { parseImportArgs } from './command.ts'

const FIXTURES = 'test/fixtures/moderngov'

const run = (...args: string[]) => runImportCommand(args)

describe('import moderngov --dry-run', () => {
  const clean = mkdtemp(join(tmpdir(), 'moderngov-'))
  afterAll(async () => rm(await clean, { recursive: true, force: true }))

  it('prints the plan of the fixture folder: counts, what cannot be mapped, the malformed file; exit 1', async () => {
    const { code, out, err } = await run('moderngov', FIXTURES, '--dry-run')
    expect(err).toBe('')
    expect(out).toContain(`Import from Modern.gov: ${FIXTURES} (dry run: nothing is written)`)
    expect(out).toContain('Read 6 of 7 files.')
    expect(out).toMatch(/ {2}Bodies +4\n {2}People +4\n {2}Memberships +3\n {2}Meetings +4\n {2}Agenda items +6\n/)
    expect(out).toMatch(/ {2}Item minutes +3\n {2}Exempt items +1\n {2}Attendance +6\n {2}Document references +2/)
    expect(out).toContain('Cannot be mapped (5):')
    expect(out).toContain(
      '  meeting-2003-unknown-element.xml, meeting 2003: unknown element <hybridmeetinglink> on line 10',
    )
    expect(out).toContain('Errors (1): nothing of these files is used\n  malformed.xml: line 10: unexpected close tag')
    expect(code).toBe(1)
  })

  it('exits 0 when every file is read', async () => {
    const folder = await clean
    await cp(FIXTURES, folder, { recursive: true, filter: (source) => !source.endsWith('malformed.xml') })
    const { code, out } = await run(
      'moderngov',
      folder,
      '--body',
      'Corporate Parenting Group',
      '--from',
      '2024-01-01',
      '--dry-run',
    )
    expect(out).toContain('Read 6 of 6 files.')
    expect(out).toMatch(/ {2}Bodies +1\n {2}People +3\n/)
    expect(out).toMatch(/ {2}Meetings +1\n {2}Agenda items +1\n/)
    expect(out).not.toContain('Errors')
    expect(code).toBe(0)
  })

  it.each([
    [['csv', FIXTURES, '--dry-run'], 'Say which system to import from: moderngov is the only one so far.'],
    [
      ['moderngov', '--dry-run'],
      'Say which folder of saved Modern.gov responses, or which web service address, to import.',
    ],
    [['moderngov', FIXTURES, '--from', '14/03/2024', '--dry-run'], '--from needs a date as YYYY-MM-DD.'],
    [['moderngov', FIXTURES, '--to', '2024-02-30', '--dry-run'], '--to needs a date as YYYY-MM-DD.'],
    [
      ['moderngov', FIXTURES, '--from', '2024-06-01', '--to', '2024-01-01', '--dry-run'],
      '--from must be on or before --to.',
    ],
    [['moderngov', FIXTURES, '--body', '--dry-run'], '--body needs the name of a committee.'],
    [['moderngov', FIXTURES, '--force'], 'Unknown option --force.'],
    [['moderngov', FIXTURES, '--dry-run', '--apply'], 'Say either --dry-run or --apply, not both.'],
  ])('refuses %j with a plain message and the usage; exit 2', async (args, message) => {
    const { code, err } = await run(...args)
    expect(err.split('\n')[0]).toBe(message)
    expect(err).toContain('Usage: oversight import moderngov (FOLDER | https://SITE/mgWebService.asmx)')
    expect(code).toBe(2)
  })

  it('refuses a folder that is not there; exit 2', async () => {
    expect(await run('moderngov', 'no/such/folder', '--dry-run')).toEqual({
      code: 2,
      out: '',
      err: 'no/such/folder is not a folder.',
    })
  })

  it('takes several body names after one --body', () => {
    expect(parseImportArgs(['moderngov', 'f', '--body', 'Cabinet', 'Council', '--dry-run'])).toEqual({
      source: 'f',
      bodies: ['Cabinet', 'Council'],
      from: null,
      to: null,
      mode: 'dry-run',
      delayMs: null,
    })
  })
})
