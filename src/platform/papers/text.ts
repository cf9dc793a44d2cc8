/**
 * The characters a PDF's standard fonts can draw (Windows-1252, "WinAnsi"). Text from the record is
 * drawn through here: what the fonts cannot draw becomes its nearest plain form, never a wrong glyph.
 */

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

const PLAIN_FORMS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u200b': '',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  '✓': 'Yes',
  '✔': 'Yes',
  '✗': 'No',
}

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRAS.has(char)
}

/** `text` with every character the standard fonts can draw; tabs and other controls become spaces. */
export function pdfText(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    if (drawable(char)) out += char
    else if (char in PLAIN_FORMS) out += PLAIN_FORMS[char]
    else if (char === '\t' || char === '\r' || (char.codePointAt(0) ?? 0) < 0x20) out += char === '\r' ? '' : ' '
    else {
      // Accented letters outside Latin-1 lose their accent (Ł stays a letter); anything else is a "?".
      const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      out += [...plain].every(drawable) && plain !== '' ? plain : '?'
    }
  }
  return out
}
