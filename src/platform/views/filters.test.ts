import { describe, expect, it } from 'vitest'
import { fileSize } from './filters.ts'

describe('fileSize', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1KB'],
    [14_600, '14KB'],
    [3_565_158, '3.4MB'],
    [1_288_490_189, '1.2GB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(fileSize(bytes)).toBe(text)
  })
})
