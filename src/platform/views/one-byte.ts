/**
 * Pages as one-byte text (ADR 30). V8 keeps a string whose every character is Latin-1 at one byte a
 * character, and any other string at two: one curly apostrophe makes a whole page twice its size.
 * A string over 128 KB is placed outside V8's ordinary heap, each in memory of its own, which cost about
 * a millisecond for each page of that size on the machines measured. So a page's parts write every
 * character beyond Latin-1 as a numeric character reference, which a browser reads as the same character:
 * values escaped by the templates, markup made in code, and the templates' own text.
 */
export const characterReference = (character: string) => `&#${character.codePointAt(0)};`

/**
 * The same text held at one byte a character; for text whose every character is Latin-1. V8 keeps what
 * is cut or replaced out of a two-byte string at two bytes, even once nothing beyond Latin-1 is left
 * in it ("family’s care" escaped is "family&#8217;s care", still two-byte), and one such piece makes
 * the whole page two-byte when it is joined.
 */
export const asOneByte = (text: string) => Buffer.from(text, 'latin1').toString('latin1')

/**
 * `text` escaped: each match of `pattern` (which must match every character beyond Latin-1, and be
 * global) written as `escapes` has it, or else as a reference; one-byte text even when `text` was not.
 */
export function escapeOneByte(text: string, pattern: RegExp, escapes: Record<string, string>): string {
  let wide = false
  const escaped = text.replace(pattern, (character) => {
    const escape = escapes[character]
    if (escape !== undefined) return escape
    wide = true
    return characterReference(character)
  })
  return wide ? asOneByte(escaped) : escaped
}

/**
 * A template's source with the characters beyond Latin-1 in its text written as references; its tags,
 * expressions and comments are left as they are (a string there is escaped, or not, where it is output).
 */
export function oneByteTemplate(source: string): string {
  return source.replace(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\})|[^\x00-\xff]/gu, (match, tag?: string) =>
    tag === undefined ? characterReference(match) : tag,
  )
}
