import type { PaperBlock } from './paper.ts'

/**
 * Officer-written plain text as a paper prints it, by the rule the pages' `plainText` filter follows:
 * blank lines make paragraphs, lines all starting "- " (or "*", "•") a list, lines all starting "1. "
 * a numbered list; other line breaks are kept.
 */
export function plainTextBlocks(text: string | null | undefined): PaperBlock[] {
  const trimmed = (text ?? '').replace(/\r\n/g, '\n').trim()
  if (!trimmed) return []
  return trimmed.split(/\n\s*\n/).map((block): PaperBlock => {
    const lines = block.split('\n').map((line) => line.trim())
    if (lines.every((line) => /^[-*•]\s+/.test(line)))
      return { kind: 'list', items: lines.map((line) => line.replace(/^[-*•]\s+/, '')) }
    if (lines.every((line) => /^\d+\.\s+/.test(line)))
      return { kind: 'list', numbered: true, items: lines.map((line) => line.replace(/^\d+\.\s+/, '')) }
    return { kind: 'paragraph', text: lines.join('\n') }
  })
}
