import { describe, expect, it } from 'vitest'
import { systemContext } from '#src/platform/auth/user.ts'
import { dataChanged } from './db/data-version.ts'
import { asThePublic, keepReads, readOnce, readUntilChanged, readsUntilChanged } from './request-reads.ts'

/** The context of a request that changes nothing (a GET), whose reads are kept. */
const reading = () => {
  const ctx = systemContext('a page')
  keepReads(ctx)
  return ctx
}

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

describe('asThePublic', () => {
  const officer = { id: 'u1', email: 'officer@example.org', name: 'An officer', roles: ['officer'] } as never

  it('is the same request with no user, one view per request, its reads kept as the request keeps them', async () => {
    const ctx = { ...systemContext('a page'), user: officer }
    keepReads(ctx)
    const view = asThePublic(ctx)
    expect(view).toMatchObject({ user: null, requestId: 'a page' })
    expect(asThePublic(ctx)).toBe(view)
    let reads = 0
    const read = () => Promise.resolve(++reads)
    expect(await readOnce(asThePublic(ctx), 'meeting:a', read)).toBe(1)
    expect(await readOnce(asThePublic(ctx), 'meeting:a', read)).toBe(1)
    // The signed-in view and the public's are read apart: what each may see differs.
    expect(await readOnce(ctx, 'meeting:a', read)).toBe(2)
  })

  it('keeps nothing for a request that writes', async () => {
    const writing = asThePublic({ ...systemContext('a post'), user: officer })
    let reads = 0
    const read = () => Promise.resolve(++reads)
    expect(await readOnce(writing, 'meeting:a', read)).toBe(1)
    expect(await readOnce(writing, 'meeting:a', read)).toBe(2)
  })
})

describe('readUntilChanged', () => {
  it('keeps a read from one request to the next until the data changes', async () => {
    let reads = 0
    const settings = readUntilChanged('settings', () => Promise.resolve({ read: ++reads }), { acrossRequests: true })
    expect(await settings(reading())).toEqual({ read: 1 })
    expect(await settings(reading())).toEqual({ read: 1 })
    dataChanged()
    expect(await settings(reading())).toEqual({ read: 2 })
    expect(await settings(reading())).toEqual({ read: 2 })
  })

  it('reads afresh for a request that writes, and keeps nothing across requests unless asked to', async () => {
    let reads = 0
    const kept = readUntilChanged('register', () => Promise.resolve(++reads), { acrossRequests: true })
    expect(await kept(systemContext('a post'))).toBe(1)
    expect(await kept(systemContext('another post'))).toBe(2)
    const notKept = readUntilChanged('register', () => Promise.resolve(++reads), { acrossRequests: false })
    const page = reading()
    expect(await notKept(page)).toBe(3)
    expect(await notKept(page)).toBe(3)
    expect(await notKept(reading())).toBe(4)
  })

  it('does not keep a read that began before a change, nor one that failed', async () => {
    let reads = 0
    let release = () => {}
    const slow = readUntilChanged('slow', () => new Promise<number>((resolve) => (release = () => resolve(++reads))), {
      acrossRequests: true,
    })
    const first = slow(reading())
    dataChanged()
    release()
    expect(await first).toBe(1)
    const second = slow(reading())
    release()
    expect(await second).toBe(2)

    let attempts = 0
    const flaky = readUntilChanged(
      'flaky',
      () => (++attempts === 1 ? Promise.reject(new Error('Connection lost')) : Promise.resolve(attempts)),
      { acrossRequests: true },
    )
    await expect(flaky(reading())).rejects.toThrow('Connection lost')
    expect(await flaky(reading())).toBe(2)
  })

  it('gives what it read frozen, so that no caller can change what later requests are given', async () => {
    const register = readUntilChanged('register', () => Promise.resolve({ bodies: [{ name: 'Scrutiny' }] }), {
      acrossRequests: true,
    })
    const read = await register(reading())
    expect(() => read.bodies.push({ name: 'Added' })).toThrow(TypeError)
    expect(() => {
      read.bodies[0].name = 'Changed'
    }).toThrow(TypeError)
  })
})

describe('readsUntilChanged', () => {
  it('keeps each record’s read apart, the most recently asked for, until the data changes', async () => {
    const asked: string[] = []
    const facts = readsUntilChanged(
      'tracker facts',
      (_ctx: unknown, bodyId: string, on: string) => {
        asked.push(`${bodyId} ${on}`)
        return Promise.resolve({ bodyId, on })
      },
      { acrossRequests: true, keep: 2 },
    )
    expect(await facts(reading(), 'a', '2024-01-22')).toEqual({ bodyId: 'a', on: '2024-01-22' })
    expect(await facts(reading(), 'b', '2024-01-22')).toEqual({ bodyId: 'b', on: '2024-01-22' })
    expect(await facts(reading(), 'a', '2024-01-22')).toEqual({ bodyId: 'a', on: '2024-01-22' })
    expect(asked).toEqual(['a 2024-01-22', 'b 2024-01-22'])
    // Another day is another read; keeping two, the one least recently asked for (b) gives way.
    await facts(reading(), 'a', '2024-01-23')
    await facts(reading(), 'a', '2024-01-22')
    await facts(reading(), 'b', '2024-01-22')
    expect(asked).toEqual(['a 2024-01-22', 'b 2024-01-22', 'a 2024-01-23', 'b 2024-01-22'])
    dataChanged()
    await facts(reading(), 'a', '2024-01-22')
    expect(asked.at(-1)).toBe('a 2024-01-22')
    expect(asked).toHaveLength(5)
  })

  it('reads afresh for a request that writes', async () => {
    let reads = 0
    const facts = readsUntilChanged('facts', (_ctx: unknown, id: string) => Promise.resolve(`${id} ${++reads}`), {
      acrossRequests: true,
      keep: 10,
    })
    expect(await facts(systemContext('a post'), 'a')).toBe('a 1')
    expect(await facts(systemContext('a post'), 'a')).toBe('a 2')
  })
})
