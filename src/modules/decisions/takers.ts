import type { Context } from '#src/platform/auth/user.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { TakerType } from './tables.ts'

/** Who took a decision, as pages and the API name them. */
export interface Taker {
  kind: 'body' | 'person'
  /** The Executive, one of its cabinet members, another body (a committee) or an officer. */
  type: TakerType
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

const bodyTaker = (body: { id: string; slug: string; name: string; kind: string }): Taker => ({
  kind: 'body',
  type: body.kind === 'executive' ? 'executive' : 'committee',
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
    type: person.kind === 'officer' ? 'officer' : 'cabinet member',
    id: person.id,
    slug: person.slug,
    name,
    label: person.jobTitle ? `${name}, ${person.jobTitle}` : name,
    url: `/people/${person.slug}`,
  }
}

type TakerIds = { takerBodyId: string | null; takerPersonId: string | null }

/**
 * Who may take a decision: the Executive (every body of kind 'executive'), its cabinet members (the
 * councillors who are or were its members), any other body (a committee, which takes decisions too)
 * and any officer (a key decision taken by an officer); plus whoever else took one of `rows`.
 */
export async function loadTakers(ctx: Context, bodies: BodiesService, rows: TakerIds[]) {
  const [allBodies, people] = await Promise.all([bodies.listBodies(ctx), bodies.listPeople(ctx)])
  const executives = allBodies.filter((body) => body.kind === 'executive')
  const committees = allBodies.filter((body) => body.kind !== 'executive').map(bodyTaker)
  const officers = people.filter((person) => person.kind === 'officer').map(personTaker)
  const details = await bodies.membersOfBodies(
    ctx,
    executives.map((body) => body.id),
  )
  const cabinet = new Map<string, Taker>()
  const currentCabinet = new Set<string>()
  for (const executive of details.values()) {
    for (const member of [...executive.currentMembers, ...executive.pastMembers]) {
      if (member.kind !== 'councillor') continue
      cabinet.set(member.personId, personTaker({ ...member, id: member.personId }))
      if (executive.currentMembers.includes(member)) currentCabinet.add(member.personId)
    }
  }
  const known = new Map<string, Taker>([
    ...[...executives.map(bodyTaker), ...committees, ...officers].map((taker) => [taker.id, taker] as const),
    ...cabinet,
  ])
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
    /** The body or person who may be recorded as taking a decision; undefined for anyone else. */
    taking(row: TakerIds): Taker | undefined {
      const taker = known.get((row.takerBodyId ?? row.takerPersonId)!)
      return taker && (taker.type !== 'cabinet member' || cabinet.has(taker.id)) ? taker : undefined
    },
    /**
     * The choices for the form: the Executive, its current cabinet members (and `keep`, a past one),
     * the other bodies, then the officers.
     */
    choices(keep?: string | null) {
      const members = [...cabinet.values()].filter((taker) => currentCabinet.has(taker.id) || taker.id === keep)
      const byLabel = (a: Taker, b: Taker) => a.label.localeCompare(b.label)
      return [...executives.map(bodyTaker), ...members.sort(byLabel), ...committees, ...officers.sort(byLabel)]
    },
  }
}

export type Takers = Awaited<ReturnType<typeof loadTakers>>
