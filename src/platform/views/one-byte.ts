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
 * A template's source with the characters beyond Latin-1 in its text written as references; its tags,
 * expressions and comments are left as they are (a string there is escaped, or not, where it is output).
 */
export function oneByteTemplate(source: string): string {
  return source.replace(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\})|[^\x00-\xff]/gu, (match, tag?: string) =>
    tag === undefined ? characterReference(match) : tag,
  )
}
