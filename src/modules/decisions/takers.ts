import type { Context } from '#src/platform/auth/user.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'

/** Who took a decision, as pages and the API name them. */
export interface Taker {
  kind: 'body' | 'person'
  id: string
  slug: string
  /** "Executive", "Councillor Kath Benson". */
  name: string
  /** With the cabinet member's portfolio: "Councillor Kath Benson, Cabinet Member for Young People and Aspiration". */
  label: string
  url: string
}

interface PersonRecord {
  id: string
  slug: string
  name: string
  honorific: string | null
  kind: string
  jobTitle: string | null
}

const bodyTaker = (body: { id: string; slug: string; name: string }): Taker => ({
  kind: 'body',
  id: body.id,
  slug: body.slug,
  name: body.name,
  label: body.name,
  url: `/bodies/${body.slug}`,
})

function personTaker(person: PersonRecord): Taker {
  const name = person.honorific ? `${person.honorific} ${person.name}` : person.name
  return {
    kind: 'person',
    id: person.id,
    slug: person.slug,
    name,
    label: person.jobTitle ? `${name}, ${person.jobTitle}` : name,
    url: `/people/${person.slug}`,
  }
}

type TakerIds = { takerBodyId: string | null; takerPersonId: string | null }

/**
 * The Executive (every body of kind 'executive') and its cabinet members (the councillors who are or
 * were its members), plus whoever else took one of `rows`, by way of the bodies service.
 */
export async function loadTakers(ctx: Context, bodies: BodiesService, rows: TakerIds[]) {
  const executives = (await bodies.listBodies(ctx)).filter((body) => body.kind === 'executive')
  const details = await Promise.all(executives.map((body) => bodies.getBody(ctx, body.slug)))
  const cabinet = new Map<string, Taker>()
  const currentCabinet = new Set<string>()
  for (const executive of details) {
    for (const member of [...executive.currentMembers, ...executive.pastMembers]) {
      if (member.kind !== 'councillor') continue
      cabinet.set(member.personId, personTaker({ ...member, id: member.personId }))
      if (executive.currentMembers.includes(member)) currentCabinet.add(member.personId)
    }
  }
  const known = new Map<string, Taker>([...executives.map((body) => [body.id, bodyTaker(body)] as const), ...cabinet])
  const otherPeople = rows.map((row) => row.takerPersonId).filter((id): id is string => !!id && !known.has(id))
  for (const person of await bodies.getPeopleByIds(ctx, [...new Set(otherPeople)]))
    known.set(person.id, personTaker(person))
  for (const row of rows) {
    if (row.takerBodyId && !known.has(row.takerBodyId))
      known.set(row.takerBodyId, bodyTaker(await bodies.getBodyById(ctx, row.takerBodyId)))
  }

  return {
    /** Who took this decision. */
    of(row: TakerIds): Taker {
      const taker = known.get((row.takerBodyId ?? row.takerPersonId)!)
      if (!taker) throw new Error('Decision taker was not loaded')
      return taker
    },
    /** True when the Executive or one of its cabinet members took it: what a scrutiny committee looks at. */
    withinExecutive(row: TakerIds): boolean {
      return row.takerBodyId ? executives.some((body) => body.id === row.takerBodyId) : cabinet.has(row.takerPersonId!)
    },
    /** Whether a decision may be recorded as taken by this body or person. */
    mayTake(row: TakerIds): boolean {
      return this.withinExecutive(row)
    },
    /** The choices for the form: the Executive, then its current cabinet members (and `keep`, a past one). */
    choices(keep?: string | null) {
      const people = [...cabinet.values()].filter((taker) => currentCabinet.has(taker.id) || taker.id === keep)
      return [...executives.map(bodyTaker), ...people.sort((a, b) => a.label.localeCompare(b.label))]
    },
  }
}

export type Takers = Awaited<ReturnType<typeof loadTakers>>
