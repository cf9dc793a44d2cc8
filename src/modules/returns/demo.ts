import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemContext } from '#src/platform/auth/user.ts'
import type { ReturnsService } from './service.ts'
import { SYNTHETIC_LABEL, SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

/**
 * The key the demo pseudonymises its synthetic children with when the server has none: published
 * here, so it must never be used for real returns (the server warns while it is in use).
 */
export const DEMO_PSEUDONYM_KEY = 'demo-only-key-for-synthetic-children-never-for-real-returns'

/** The demo's returns: a small synthetic 903 and CIN census for 2023-24, taken in as the command line would. */
export async function loadDemoReturns(service: Pick<ReturnsService, 'takeExtractFromCommand'>): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'oversight-demo-returns-'))
  try {
    await writeSyntheticReturns({ children: 300, year: '2023-24', out: folder, seed: 2024 })
    const ctx = systemContext('demo')
    const lac = join(folder, 'synthetic-ssda903')
    await mkdir(lac)
    for (const name of await readdir(folder))
      if (name.endsWith('.csv') && name.includes('903')) await rename(join(folder, name), join(lac, name))
    const cin = join(folder, SYNTH_FILES.cin)
    await service.takeExtractFromCommand(ctx, { kind: 'cin', year: '2023-24', path: cin }, 'the demo')
    await service.takeExtractFromCommand(ctx, { kind: '903', year: '2023-24', path: lac }, 'the demo')
    return [
      `Statutory returns: a synthetic CIN census and SSDA903 for 2023-24 taken in (${SYNTHETIC_LABEL.toLowerCase()}).`,
    ]
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
