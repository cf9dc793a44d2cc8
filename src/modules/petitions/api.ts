import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  apiDate,
  apiList,
  apiPageQuery,
  invalidQueryResponse,
  jsonResponse,
  sitePath,
} from '#src/platform/http/api-schemas.ts'
import type { PetitionsService } from './service.ts'
import { asThePublic } from '#src/platform/request-reads.ts'

const signatures = (description: string) => z.int().min(0).describe(description)

const petitionSchema = z
  .strictObject({
    slug: z.string(),
    title: z.string(),
    url: sitePath('The petition’s page'),
    leadPetitioner: z
      .string()
      .nullable()
      .describe('The lead petitioner; null unless they agreed to be named in public'),
    paperSignatures: signatures('Signatures on paper'),
    ePetitionSignatures: signatures('Signatures on the e-petition'),
    totalSignatures: signatures('Paper and e-petition signatures together'),
    presentedTo: z.string().nullable().describe('The slug of the committee it was presented to'),
    presentedOn: apiDate.nullable(),
    threshold: z.string().nullable().describe('The threshold of the council’s petition scheme it met'),
    response: z.string().nullable().describe('The council’s response; null until there is one'),
    respondedOn: apiDate.nullable(),
  })
  .meta({ id: 'Petition' })

/** GET /api/v1/petitions: every petition, newest first, paged. */
export function petitionsApi(deps: { service: PetitionsService }) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/petitions',
      {
        schema: {
          operationId: 'listPetitions',
          summary: 'Petitions presented to the council, newest first',
          tags: ['Petitions'],
          querystring: apiPageQuery,
          response: {
            200: jsonResponse(apiList('petitions', petitionSchema), 'Petitions, newest first'),
            400: invalidQueryResponse(),
          },
        },
      },
      async (request, reply) => {
        const petitions = await deps.service.list(asThePublic(request.ctx))
        const { items, ...page } = request.openDataPage(petitions)
        reply.header('cache-control', 'public, max-age=60')
        return {
          ...page,
          petitions: items.map((petition) => ({
            slug: petition.slug,
            title: petition.title,
            url: `/petitions/${petition.slug}`,
            leadPetitioner: petition.leadPetitioner,
            paperSignatures: petition.paperSignatures,
            ePetitionSignatures: petition.ePetitionSignatures,
            totalSignatures: petition.totalSignatures,
            presentedTo: petition.bodySlug,
            presentedOn: petition.presentedOn,
            threshold: petition.threshold || null,
            response: petition.response || null,
            respondedOn: petition.respondedOn,
          })),
        }
      },
    )
  }
}
