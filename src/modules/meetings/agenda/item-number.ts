/**
 * The number to suggest for an item added after `last`, in the same form: '7' → '8', '12.' → '13.',
 * 'A1' → 'A2'; '1' when no item has a number yet. Null when the last number does not end in a count
 * ('4a'): the officer writes it.
 */
export function nextItemNumber(last: string | null | undefined): string | null {
  if (!last) return '1'
  const match = /^(\D*)(\d+)(\.?)$/.exec(last)
  if (!match) return null
  const [, prefix, digits, stop] = match
  return `${prefix}${Number(digits) + 1}${stop}`
}
