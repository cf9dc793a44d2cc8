import { afterEach, describe, expect, it, vi } from 'vitest'
import { seedLines } from './seeds.ts'

describe('the council’s papers for the demo checks', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('reads a paper that is there, line by line', () => {
    vi.stubEnv('CI', 'true')
    const lines = seedLines('000_584beb4c97a436e5.txt')
    expect(lines?.length).toBeGreaterThan(100)
  })

  it('fails under CI when a paper is missing, so no check of the demo is skipped there', () => {
    vi.stubEnv('CI', 'true')
    expect(() => seedLines('no-such-paper.txt')).toThrow(/no-such-paper\.txt is not in .*under CI/)
  })

  it('warns and skips outside CI when a paper is missing', () => {
    vi.stubEnv('CI', '')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(seedLines('no-such-paper.txt')).toBeNull()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no-such-paper.txt is not in'))
  })
})
