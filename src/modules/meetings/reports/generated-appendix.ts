import { createHash } from 'node:crypto'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { RuleError } from '#src/platform/http/errors.ts'
import type { AppendixSubject, GeneratedAppendixKind } from '#src/platform/papers/generated.ts'
import { PDF_MEDIA_TYPE } from '#src/platform/papers/paper.ts'
import { renderPdf } from '#src/platform/papers/pdf.ts'
import { storedFilename } from '../documents.ts'
import { createAppendicesService } from './appendix-service.ts'
import { type ReportsDeps, createPaperFinder } from './papers.ts'
import type { GeneratedAppendixForm } from './schema.ts'

export interface GeneratedAppendixDeps extends ReportsDeps {
  /** The appendices other modules generate from the record, made after this module: asked when needed. */
  generatedAppendices: () => readonly GeneratedAppendixKind[]
  councilName: (ctx: Context) => Promise<string>
}

export const KIND_NEEDED = 'Select which appendix to generate'

/**
 * Appendices generated from the live record (the tracker, the work programme…) as at a chosen date,
 * stored with the report as a PDF exactly as an uploaded one is: listed, downloaded, placed in the
 * agenda pack and kept as it was when generated. Generated as the public sees the record, since the
 * appendix of a public report is public: nothing only staff may read can reach it this way.
 */
export function createGeneratedAppendices(deps: GeneratedAppendixDeps) {
  const papers = createPaperFinder(deps)
  const appendices = createAppendicesService(deps)

  async function kindsWithChoices(ctx: Context) {
    return Promise.all(
      deps.generatedAppendices().map(async (kind) => ({
        key: kind.key,
        label: kind.label,
        hint: kind.hint ?? '',
        subject: kind.subject ? { label: kind.subject.label, choices: await kind.subject.choices(ctx) } : null,
      })),
    )
  }

  return {
    /** The report, and the appendices that can be generated for it with their choices. Throws NotFoundError. */
    async generatedAppendixChoices(ctx: Context, slug: string, position: number) {
      assertCan(ctx.user, 'reports:edit')
      const found = await papers.reportAt(ctx, slug, position)
      return { ...found, kinds: await kindsWithChoices(publicView(ctx)) }
    },

    /** Generates the chosen appendix as at the chosen date and adds it to the report on the item. */
    async generateAppendix(ctx: Context, slug: string, position: number, input: GeneratedAppendixForm) {
      assertCan(ctx.user, 'reports:edit')
      const { meeting, report } = await papers.reportAt(ctx, slug, position)
      const kind = deps.generatedAppendices().find((candidate) => candidate.key === input.kind)
      if (!kind) throw new RuleError(KIND_NEEDED, 'kind')
      const viewer = publicView(ctx)
      const subject = kind.subject ? await chosenSubject(viewer, kind, input.subject) : null
      const body = { id: meeting.bodyId, slug: meeting.bodySlug, name: meeting.bodyName }
      const paper = await kind.build(viewer, { body, on: input.on, subject })
      const rendered = await renderPdf({ ...paper, author: await deps.councilName(ctx) })
      const file = {
        filename: storedFilename(paper.title, 'pdf'),
        mediaType: PDF_MEDIA_TYPE,
        sizeBytes: rendered.content.length,
        sha256: createHash('sha256').update(rendered.content).digest('hex'),
        content: rendered.content,
      }
      const fields = { label: input.label, title: paper.title, body: '', exemptParagraph: null, exemptReason: null }
      return appendices.addAppendix(ctx, report.id, { ...fields, exemptReviewOn: null, removeFile: false }, file)
    },
  }
}

function publicView(ctx: Context): Context {
  return { ...ctx, user: null }
}

async function chosenSubject(ctx: Context, kind: GeneratedAppendixKind, value: string | null): Promise<string> {
  const choices: AppendixSubject[] = (await kind.subject?.choices(ctx)) ?? []
  if (value && choices.some((choice) => choice.value === value)) return value
  throw new RuleError(kind.subject?.error ?? KIND_NEEDED, `subject-${kind.key}`)
}
