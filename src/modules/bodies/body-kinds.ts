import type { BodyKind } from './tables.ts'

/** The heading of each type's group on the list of bodies, in the order the list shows them. */
export const BODY_KIND_HEADINGS: Record<BodyKind, string> = {
  council: 'Full council',
  executive: 'Executive',
  committee: 'Committees',
  'sub-committee': 'Sub-committees',
  panel: 'Panels',
  'task and finish group': 'Task and finish groups',
  'joint committee': 'Joint committees',
  board: 'Boards',
}

/** Bodies in groups by type, in the order of BODY_KIND_HEADINGS; types with no body are left out. */
export function groupByKind<T extends { kind: BodyKind }>(bodies: T[]) {
  return (Object.keys(BODY_KIND_HEADINGS) as BodyKind[])
    .map((kind) => ({ kind, heading: BODY_KIND_HEADINGS[kind], bodies: bodies.filter((body) => body.kind === kind) }))
    .filter((group) => group.bodies.length > 0)
}
