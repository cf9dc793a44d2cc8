/** A readable URL slug: "Children's Scrutiny Committee" → "childrens-scrutiny-committee". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

/** Words the app's own addresses use after a collection ("/inspections/new"), so no record may take them. */
const RESERVED_SLUGS = new Set(['new'])

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug)
}
