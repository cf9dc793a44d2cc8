import contentDisposition from 'content-disposition'
import { describe, expect, it } from 'vitest'
import { attachment, inline } from './content-disposition.ts'

describe('attachment', () => {
  it('names a plain file simply', () => {
    expect(attachment('outcomes-framework.csv')).toBe('attachment; filename="outcomes-framework.csv"')
  })

  it('encodes a name beyond ASCII in filename*, with an ASCII fallback', () => {
    expect(attachment('Plan – 2024.pdf')).toBe(
      `attachment; filename="Plan _ 2024.pdf"; filename*=UTF-8''Plan%20%E2%80%93%202024.pdf`,
    )
    expect(attachment('Café rapport.pdf')).toBe(
      `attachment; filename="Caf_ rapport.pdf"; filename*=UTF-8''Caf%C3%A9%20rapport.pdf`,
    )
  })

  it('gives back the exact name to a client that reads the header, quotes included', () => {
    for (const name of ['Plan – 2024.pdf', 'Ysgol Gymraeg “Bro Ogwr”.docx', 'say "no".pdf', '50% done.xlsx']) {
      const header = attachment(name)
      expect(header).toMatch(/^[\x20-\x7e]+$/)
      expect(contentDisposition.parse(header)).toEqual({ type: 'attachment', parameters: { filename: name } })
    }
  })

  it('drops any folders from the name', () => {
    expect(contentDisposition.parse(attachment('/etc/passwd')).parameters).toEqual({ filename: 'passwd' })
    expect(contentDisposition.parse(attachment('C:\\Users\\clerk\\plan.pdf')).parameters).toEqual({
      filename: 'plan.pdf',
    })
  })
})

describe('inline', () => {
  it('lets the browser show the file, named should it be saved', () => {
    expect(inline('meetings.ics')).toBe('inline; filename="meetings.ics"')
  })
})
