import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { readOnce, readUntilChanged } from '#src/platform/request-reads.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { exemptReach } from '#src/platform/exemption/readers.ts'
import { compareMemberships, membershipIsCurrent } from './membership.ts'
import { makesParentCycle } from './parent-body.ts'
import type { BodiesRepository } from './repository.ts'
import type { BodyForm, MembershipForm, PersonForm } from './schema.ts'
import { slugify } from './slug.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function createBodiesService(deps: {
  db: Db
  repository: BodiesRepository
  clock: Clock
  /** Keep the register from one request to the next until the data changes (readUntilChanged). */
  readsAcrossRequests?: boolean
}) {
  const { db, repository: repo, clock } = deps

  async function uniqueSlug(table: 'bodies' | 'people', text: string, exceptId?: string) {
    const base = slugify(text) || table
    let slug = base
    for (let n = 2; await repo.slugTaken(table, slug, exceptId); n++) slug = `${base}-${n}`
    return slug
  }

  /** The rules a body's form is checked against beyond its fields: its parent and its dates. */
  async function checkBody(input: BodyForm, id?: string) {
    if (input.establishedOn && input.dissolvedOn && input.dissolvedOn < input.establishedOn) {
      throw new RuleError('Date dissolved must be the same as or after the date established', 'dissolvedOn')
    }
    if (!input.parentId) return
    const parents = await repo.parentsOfBodies()
    if (!parents.has(input.parentId)) throw new RuleError('Select the body it reports to', 'parentId')
    if (id && makesParentCycle(id, input.parentId, parents)) {
      throw new RuleError('A body cannot report to itself or to a body that reports to it', 'parentId')
    }
  }

  /** A councillor's term cannot end before it starts. */
  function checkPerson(input: PersonForm) {
    if (input.termStartsOn && input.termEndsOn && input.termEndsOn < input.termStartsOn) {
      throw new RuleError('End of term must be the same as or after the start of term', 'termEndsOn')
    }
  }

  /**
   * Every body, person and membership, read once a request, and kept until the data changes: the body
   * page wants its body, its members, the Executive's, the viewer's and the people its sections name,
   * and nearly every page names a body or a person.
   */
  const register = readUntilChanged('register', () => repo.register(), {
    acrossRequests: deps.readsAcrossRequests ?? false,
  })
  const allMemberships = async (ctx: Context) => (await register(ctx)).memberships

  const service = {
    /** Every body, public. */
    listBodies(ctx: Context) {
      return register(ctx).then((read) => read.bodies)
    },

    /** The current and past members of each of these bodies, by body id. */
    async membersOfBodies(ctx: Context, bodyIds: string[]) {
      const rows = await allMemberships(ctx)
      const today = clock.today()
      return new Map(
        bodyIds.map((id) => {
          const memberships = rows.filter((row) => row.bodyId === id).sort(compareMemberships)
          return [
            id,
            {
              currentMembers: memberships.filter((m) => membershipIsCurrent(m, today)),
              pastMembers: memberships.filter((m) => !membershipIsCurrent(m, today)),
            },
          ] as const
        }),
      )
    },

    /** A body with its parent, the bodies under it, and its current and past members. Throws NotFoundError. */
    getBody(ctx: Context, slug: string) {
      // Read once a request: the body page's sections each ask for their body.
      return readOnce(ctx, `body:${slug}`, async () => {
        // Every body, read once a request and wanted by other sections too, gives the parent and the
        // bodies under this one without a query each.
        const allBodies = await service.listBodies(ctx)
        const body = allBodies.find((b) => b.slug === slug)
        if (!body) throw new NotFoundError('Body')
        const today = clock.today()
        const memberships = (await allMemberships(ctx)).filter((m) => m.bodyId === body.id).sort(compareMemberships)
        const parent = body.parentId ? allBodies.find((b) => b.id === body.parentId) : undefined
        const subBodies = allBodies.filter((b) => b.parentId === body.id)
        return {
          ...body,
          parent: parent ?? null,
          subBodies,
          currentMembers: memberships.filter((m) => membershipIsCurrent(m, today)),
          pastMembers: memberships.filter((m) => !membershipIsCurrent(m, today)),
        }
      })
    },

    /** A body with its parent's name, from the register (every body, kept as listBodies). Throws NotFoundError. */
    async getBodyById(ctx: Context, id: string) {
      const body = (await service.listBodies(ctx)).find((b) => b.id === id)
      if (!body) throw new NotFoundError('Body')
      return body
    },

    /** Creates a body; the slug comes from the name and is never reused. */
    async createBody(ctx: Context, input: BodyForm) {
      assertCan(ctx.user, 'bodies:edit')
      await checkBody(input)
      const slug = await uniqueSlug('bodies', input.name)
      return withTransaction(db, async (trx) => {
        const body = await repo.insertBody(trx, { ...input, slug })
        await recordAudit(trx, ctx, { action: 'created body', subjectType: 'body', subjectId: body.id, after: body })
        return body
      })
    },

    /** Changes a body's details; its slug (and so its address) stays. */
    async updateBody(ctx: Context, id: string, version: number | null, input: BodyForm) {
      assertCan(ctx.user, 'bodies:edit')
      const before = await repo.findBodyById(id)
      if (!before) throw new NotFoundError('Body')
      await checkBody(input, id)
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This body', subjectType: 'body', expected: version },
          (at) => repo.updateBody(trx, id, at, { ...input, slug: before.slug }),
          () => repo.findBodyById(id, trx),
        )
        await recordAudit(trx, ctx, { action: 'updated body', subjectType: 'body', subjectId: id, before, after })
        return after
      })
    },

    /**
     * Adds a person to a body. The end date, when given, must not be before the start. A co-optee's
     * voting rights are asked for (they differ from body to body); nobody else's are kept.
     */
    async addMembership(ctx: Context, bodyId: string, input: MembershipForm) {
      assertCan(ctx.user, 'bodies:edit')
      if (!(await repo.findBodyById(bodyId))) throw new NotFoundError('Body')
      const [person] = await repo.findPeopleByIds([input.personId])
      if (!person) throw new RuleError('Select a person', 'personId')
      const coOpted = input.role === 'co-opted member' || person.kind === 'co-opted member'
      if (coOpted && !input.votingRights) {
        throw new RuleError('Select the matters a co-opted member may vote on', 'votingRights')
      }
      if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
        throw new RuleError('End date must be the same as or after the start date', 'endsOn')
      }
      return withTransaction(db, async (trx) => {
        const membership = await repo.insertMembership(trx, {
          bodyId,
          ...input,
          votingRights: coOpted ? input.votingRights : null,
        })
        await recordAudit(trx, ctx, {
          action: 'added member',
          subjectType: 'body',
          subjectId: bodyId,
          after: membership,
        })
        return membership
      })
    },

    /** Ends a membership on a date (it stays in the record as a past membership). */
    async endMembership(ctx: Context, membershipId: string, endsOn: string) {
      assertCan(ctx.user, 'bodies:edit')
      const before = await repo.findMembership(membershipId)
      if (!before) throw new NotFoundError('Membership')
      if (before.startsOn && endsOn < before.startsOn) {
        throw new RuleError('End date must be the same as or after the start date', 'endsOn')
      }
      return withTransaction(db, async (trx) => {
        const after = await repo.endMembership(trx, membershipId, endsOn)
        await recordAudit(trx, ctx, {
          action: 'ended membership',
          subjectType: 'body',
          subjectId: before.bodyId,
          before,
          after,
        })
        return after
      })
    },

    listPeople(ctx: Context) {
      return register(ctx).then((read) => read.people)
    },

    /** A person with the bodies they sit on. Email addresses and phone numbers show only to signed-in users. */
    async getPerson(ctx: Context, slug: string) {
      const person = await repo.findPersonBySlug(slug)
      if (!person) throw new NotFoundError('Person')
      const today = clock.today()
      const memberships = await repo.membershipsOfPerson(person.id)
      return {
        ...person,
        email: ctx.user ? person.email : null,
        phone: ctx.user ? person.phone : null,
        currentMemberships: memberships.filter((m) => membershipIsCurrent(m, today)),
        pastMemberships: memberships.filter((m) => !membershipIsCurrent(m, today)),
      }
    },

    /**
     * A person for the open data, by id or slug, with every membership they have held: what the
     * public page shows, so no email address or phone number. Throws NotFoundError.
     */
    async personRecord(_ctx: Context, idOrSlug: string) {
      const person = UUID.test(idOrSlug)
        ? (await repo.findPeopleByIds([idOrSlug]))[0]
        : await repo.findPersonBySlug(idOrSlug)
      if (!person) throw new NotFoundError('Person')
      const today = clock.today()
      const memberships = (await repo.membershipsOfPerson(person.id)).map((m) => ({
        ...m,
        current: membershipIsCurrent(m, today),
      }))
      return { ...person, email: null, phone: null, memberships }
    },

    /** A body for the open data, by id or slug, with its parent and its current members. Throws NotFoundError. */
    async bodyRecord(ctx: Context, idOrSlug: string) {
      const found = UUID.test(idOrSlug) ? await repo.findBodyById(idOrSlug) : await repo.findBodyBySlug(idOrSlug)
      if (!found) throw new NotFoundError('Body')
      return service.getBody(ctx, found.slug)
    },

    /** These people, from everyone (read once a request): a page's sections each ask for a few. */
    async getPeopleByIds(ctx: Context, ids: string[]) {
      if (ids.length === 0) return []
      const wanted = new Set(ids)
      return (await service.listPeople(ctx)).filter((person) => wanted.has(person.id))
    },

    async createPerson(ctx: Context, input: PersonForm) {
      assertCan(ctx.user, 'people:edit')
      checkPerson(input)
      const slug = await uniqueSlug('people', input.name)
      return withTransaction(db, async (trx) => {
        const person = await repo.insertPerson(trx, { ...input, slug })
        await recordAudit(trx, ctx, {
          action: 'created person',
          subjectType: 'person',
          subjectId: person.id,
          after: person,
        })
        return person
      })
    },

    async updatePerson(ctx: Context, id: string, version: number | null, input: PersonForm) {
      assertCan(ctx.user, 'people:edit')
      const [before] = await repo.findPeopleByIds([id])
      if (!before) throw new NotFoundError('Person')
      checkPerson(input)
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This person’s details', plural: true, subjectType: 'person', expected: version },
          (at) => repo.updatePerson(trx, id, at, { ...input, slug: before.slug }),
          async () => (await repo.findPeopleByIds([id], trx))[0],
        )
        await recordAudit(trx, ctx, { action: 'updated person', subjectType: 'person', subjectId: id, before, after })
        return after
      })
    },

    /**
     * Ids of the bodies whose exempt papers this user may read (the reach of platform/exemption made
     * concrete): all (null) for staff, the bodies a member currently sits on, none for everyone else.
     */
    async exemptReadableBodyIds(ctx: Context): Promise<string[] | null> {
      const reach = exemptReach(ctx.user)
      if (reach.kind === 'every body') return null
      if (reach.kind === 'none') return []
      const today = clock.today()
      return (await allMemberships(ctx))
        .filter((m) => m.personId === reach.personId && membershipIsCurrent(m, today))
        .map((m) => m.bodyId)
    },
  }
  return service
}

export type BodiesService = ReturnType<typeof createBodiesService>
