import type { FastifyRequest } from 'fastify'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { asBadRequest, bodyHasControlCharacters, pathHasControlCharacters } from './bad-input.ts'
import { BadRequestError, NotFoundError } from './errors.ts'

describe('pathHasControlCharacters', () => {
  it.each([
    ['/meetings/2024-01-25', false],
    ['/meetings/%00', true],
    ['/meetings/a%0Ab', true],
    ['/meetings/a%7f', true],
    ['/meetings/a\u0000b', true],
    // The query is each route's to read.
    ['/search?q=%00', false],
    // A percent sign written as %25 is not a control character, nor is a space.
    ['/search/100%2500', false],
    ['/people/a%20b', false],
  ])('%s → %s', (url, expected) => {
    expect(pathHasControlCharacters(url)).toBe(expected)
  })
})

describe('bodyHasControlCharacters', () => {
  it('finds NUL and the like in any field, in lists of fields and in an upload’s name', () => {
    expect(bodyHasControlCharacters({ title: 'a\u0000b' })).toBe(true)
    expect(bodyHasControlCharacters({ tags: ['ok', 'bell\u0007'] })).toBe(true)
    expect(bodyHasControlCharacters({ file: { filename: 'a\u0000.pdf', data: Buffer.from('') } })).toBe(true)
  })

  it('lets through what text boxes send: tabs and line breaks, and any bytes of an upload', () => {
    expect(bodyHasControlCharacters({ text: 'One\tTwo\r\nThree\n' })).toBe(false)
    expect(bodyHasControlCharacters({ file: { filename: 'a.pdf', data: Buffer.from([0, 1, 2]) } })).toBe(false)
    expect(bodyHasControlCharacters(undefined)).toBe(false)
  })
})

describe('asBadRequest', () => {
  const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' } } as unknown as FastifyRequest
  const upload = { headers: { 'content-type': 'multipart/form-data; boundary=x' } } as unknown as FastifyRequest
  const database = (code: string) => Object.assign(new Error('refused'), { code })

  it('takes a query a schema refused, and values PostgreSQL refused as data, as the request’s fault', () => {
    const zod = (() => {
      try {
        z.object({ format: z.enum(['csv']) }).parse({ format: 'pdf' })
      } catch (error) {
        return error as Error
      }
    })()!
    expect(asBadRequest(zod, form)?.statusCode).toBe(400)
    for (const code of ['22P02', '22008', '22003', '22021', '22001', '22009']) {
      expect(asBadRequest(database(code), form)?.statusCode).toBe(400)
    }
  })

  it('says an upload was cut short', () => {
    expect(asBadRequest(new Error('Unexpected end of multipart data'), upload)?.kind).toBe('upload-cut-short')
    const closed = Object.assign(new Error('closed'), { code: 'FST_MP_PREMATURE_CLOSE', statusCode: 400 })
    expect(asBadRequest(closed, upload)?.kind).toBe('upload-cut-short')
  })

  it('leaves the service’s own faults, and errors that already carry a status, alone', () => {
    expect(asBadRequest(database('23505'), form)).toBeNull()
    expect(asBadRequest(database('42P01'), form)).toBeNull()
    expect(asBadRequest(new TypeError('x is undefined'), form)).toBeNull()
    expect(asBadRequest(new Error('Unexpected end of multipart data'), form)).toBeNull()
    expect(asBadRequest(new NotFoundError(), form)).toBeNull()
    const own = new BadRequestError('unsavable-character')
    expect(asBadRequest(own, form)).toBe(own)
  })
})
