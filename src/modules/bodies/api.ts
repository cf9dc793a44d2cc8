import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiId,
  apiList,
  apiPageQuery,
  apiRecord,
  apiSource,
  apiSourceOf,
  invalidQueryResponse,
  jsonResponse,
  notFoundResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import { OPEN_DATA_LICENCE } from '#src/platform/http/open-data.ts'
import type { SourceOf } from '#src/platform/provenance/source.ts'
import { BODY_KINDS, CO_OPTION_CATEGORIES, MEMBERSHIP_ROLES, PERSON_KINDS, VOTING_RIGHTS } from './schema.ts'
import type { BodiesService } from './service.ts'
import type { CoOptionCategory, MembershipRole, PersonKind, VotingRights } from './tables.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

/*
 * People, bodies and memberships in the shape of Popolo (https://www.popoloproject.com): its
 * person, organization and membership, with its field names in this API's camel case. ADR 15 says
 * what maps to what.
 */

const personSchema = z
  .strictObject({
    id: apiId,
    slug: z.string().meta({ examples: ['jo-snape'] }),
    name: z.string().meta({ examples: ['Jo Snape'] }),
    honorificPrefix: z.string().nullable().describe('Popolo honorific_prefix: "Councillor", "Ms"; null when none'),
    kind: z.enum(PERSON_KINDS),
    party: z.string().nullable().describe('A councillor’s party; null when not recorded or not a councillor'),
    ward: z.string().nullable().describe('The ward a councillor represents; null when not recorded'),
    termStartDate: apiDate.nullable().describe('When a councillor’s term of office began'),
    termEndDate: apiDate.nullable().describe('When a councillor’s term of office ends'),
    coOptionCategory: z.enum(CO_OPTION_CATEGORIES).nullable().describe('What a co-opted member is co-opted as'),
    jobTitle: z.string().nullable(),
    organisation: z.string().nullable().describe('Who they work for or represent, when not the council'),
    url: sitePath('The person’s page on this site'),
  })
  .meta({ id: 'Person' })

const membershipFields = {
  id: apiId,
  role: z.enum(MEMBERSHIP_ROLES),
  votingRights: z
    .enum(VOTING_RIGHTS)
    .nullable()
    .describe('A co-opted member’s voting rights on this body; null for everyone else'),
  startDate: apiDate.nullable(),
  endDate: apiDate.nullable().describe('null while the membership has no end'),
}

const personRecordSchema = apiRecord(
  personSchema.extend({
    memberships: z.array(
      z
        .strictObject({
          ...membershipFields,
          current: z.boolean().describe('Whether the membership covers today'),
          organization: z.strictObject({ id: apiId, name: z.string(), url: sitePath() }),
        })
        .meta({ id: 'PersonMembership' }),
    ),
    source: apiSource,
  }),
).meta({ id: 'PersonRecord' })

const bodyRecordSchema = apiRecord(
  z.strictObject({
    id: apiId,
    slug: z.string(),
    name: z.string(),
    kind: z.enum(BODY_KINDS).describe('Popolo classification'),
    remit: z.string(),
    parentId: apiId.nullable().describe('The body it reports to; null for none'),
    foundingDate: apiDate.nullable(),
    dissolutionDate: apiDate.nullable(),
    defaultMeetingMinutes: z.int().min(15).max(720).nullable().describe('How long its meetings usually last'),
    url: sitePath('The body’s page on this site'),
    memberships: z
      .array(
        z
          .strictObject({
            ...membershipFields,
            person: z.strictObject({
              id: apiId,
              name: z.string(),
              honorificPrefix: z.string().nullable(),
              url: sitePath(),
            }),
          })
          .meta({ id: 'BodyMembership' }),
      )
      .describe('Its current members, chair first'),
    source: apiSource,
  }),
).meta({ id: 'BodyRecord' })

const idOrSlug = (what: string) => z.object({ id: z.string().describe(`The ${what}’s id or slug`) })

interface PersonRow {
  id: string
  slug: string
  name: string
  honorific: string | null
  kind: PersonKind
  party: string | null
  ward: string | null
  termStartsOn: string | null
  termEndsOn: string | null
  coOptionCategory: CoOptionCategory | null
  jobTitle: string | null
  organisation: string | null
}

interface MembershipRow {
  id: string
  role: MembershipRole
  votingRights: VotingRights | null
  startsOn: string | null
  endsOn: string | null
}

const person = (row: PersonRow) => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  honorificPrefix: row.honorific,
  kind: row.kind,
  party: row.party,
  ward: row.ward,
  termStartDate: row.termStartsOn,
  termEndDate: row.termEndsOn,
  coOptionCategory: row.coOptionCategory,
  jobTitle: row.jobTitle,
  organisation: row.organisation,
  url: `/people/${row.slug}`,
})

const membership = (row: MembershipRow) => ({
  id: row.id,
  role: row.role,
  votingRights: row.votingRights,
  startDate: row.startsOn,
  endDate: row.endsOn,
})

/** /api/v1/people, /api/v1/people/{id} and /api/v1/bodies/{id}: what the public pages show of them. */
export function bodiesApi(deps: { service: BodiesService; sources: SourceOf }) {
  const { service, sources } = deps

  return async function (app: FastifyInstance) {
    const api = app.withTypeProvider<ZodTypeProvider>()

    api.get(
      '/api/v1/people',
      {
        schema: {
          operationId: 'listPeople',
          summary: 'Councillors, co-opted members, officers and partners, by name (Popolo persons)',
          tags: ['Bodies'],
          querystring: apiPageQuery,
          response: {
            200: jsonResponse(apiList('people', personSchema), 'The people'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const { items, ...page } = request.openDataPage(await service.listPeople(asThePublic(request.ctx)))
        reply.header('cache-control', 'public, max-age=60')
        return { ...page, people: items.map(person) }
      },
    )

    api.get(
      '/api/v1/people/:id',
      {
        schema: {
          operationId: 'getPerson',
          summary: 'One person with every body they sit or sat on (Popolo person with memberships)',
          tags: ['Bodies'],
          params: idOrSlug('person'),
          response: { 200: jsonResponse(personRecordSchema, 'The person'), 404: notFoundResponse() },
        },
      },
      async (request, reply) => {
        const record = await service.personRecord(asThePublic(request.ctx), request.params.id)
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...person(record),
          memberships: record.memberships.map((m) => ({
            ...membership(m),
            current: m.current,
            organization: { id: m.bodyId, name: m.bodyName, url: `/bodies/${m.bodySlug}` },
          })),
          source: apiSourceOf(await sources(request.ctx, 'person', record.id)),
          licence: OPEN_DATA_LICENCE,
        }
      },
    )

    api.get(
      '/api/v1/bodies/:id',
      {
        schema: {
          operationId: 'getBody',
          summary: 'One body with its parent, dates and current members (Popolo organization with memberships)',
          tags: ['Bodies'],
          params: idOrSlug('body'),
          response: { 200: jsonResponse(bodyRecordSchema, 'The body'), 404: notFoundResponse() },
        },
      },
      async (request, reply) => {
        const body = await service.bodyRecord(asThePublic(request.ctx), request.params.id)
        reply.header('cache-control', 'public, max-age=60')
        return {
          id: body.id,
          slug: body.slug,
          name: body.name,
          kind: body.kind,
          remit: body.remit,
          parentId: body.parentId,
          foundingDate: body.establishedOn,
          dissolutionDate: body.dissolvedOn,
          defaultMeetingMinutes: body.defaultMeetingMinutes,
          url: `/bodies/${body.slug}`,
          memberships: body.currentMembers.map((m) => ({
            ...membership({ ...m, id: m.membershipId }),
            person: { id: m.personId, name: m.name, honorificPrefix: m.honorific, url: `/people/${m.slug}` },
          })),
          source: apiSourceOf(await sources(request.ctx, 'body', body.id)),
          licence: OPEN_DATA_LICENCE,
        }
      },
    )
  }
}
