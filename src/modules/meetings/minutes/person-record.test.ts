import { describe, expect, it } from 'vitest'
import type { AttendanceStatus } from '../tables.ts'
import { attendanceRecord } from './person-record.ts'

const at = (bodyId: string, status: AttendanceStatus) => ({ bodyId, status })

describe('attendanceRecord', () => {
  it('counts meetings attended out of meetings expected, body by body', () => {
    expect(
      attendanceRecord([
        at('panel', 'present'),
        at('committee', 'apologies'),
        at('panel', 'present remotely'),
        at('panel', 'absent'),
        at('committee', 'present'),
      ]),
    ).toEqual([
      { bodyId: 'panel', attended: 2, expected: 3 },
      { bodyId: 'committee', attended: 1, expected: 2 },
    ])
  })

  it('leaves out meetings they came to as an officer or guest, and meetings not yet recorded', () => {
    expect(attendanceRecord([at('panel', 'in attendance'), at('panel', 'expected'), at('panel', 'present')])).toEqual([
      { bodyId: 'panel', attended: 1, expected: 1 },
    ])
  })

  it('has no line for a body at which they were only ever in attendance', () => {
    expect(attendanceRecord([at('cabinet', 'in attendance')])).toEqual([])
  })
})
