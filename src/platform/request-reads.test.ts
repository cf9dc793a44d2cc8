import { describe, expect, it } from 'vitest'
import { systemContext } from '#src/platform/auth/user.ts'
import { keepReads, readOnce } from './request-reads.ts'

describe('readOnce', () => {
  it('reads once per key in a request that keeps its reads, a refusal included', async () => {
    const ctx = systemContext('a request')
    keepReads(ctx)
    let reads = 0
    const read = () => Promise.resolve(++reads)
    expect(await readOnce(ctx, 'body:a', read)).toBe(1)
    expect(await readOnce(ctx, 'body:a', read)).toBe(1)
    expect(await readOnce(ctx, 'body:b', read)).toBe(2)
    const refuse = () => Promise.reject(new Error('Not found'))
    await expect(readOnce(ctx, 'body:c', refuse)).rejects.toThrow('Not found')
    await expect(readOnce(ctx, 'body:c', read)).rejects.toThrow('Not found')
  })

  it('reads every time elsewhere, and in another request', async () => {
    let reads = 0
    const read = () => Promise.resolve(++reads)
    const writing = systemContext('a post')
    expect(await readOnce(writing, 'body:a', read)).toBe(1)
    expect(await readOnce(writing, 'body:a', read)).toBe(2)
    const other = systemContext('another request')
    keepReads(other)
    expect(await readOnce(other, 'body:a', read)).toBe(3)
  })
})
