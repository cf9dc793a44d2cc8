import { load } from 'cheerio'
import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { configureEnvironment, viewOptions, viewRoots } from '#src/platform/views/environment.ts'

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewRoots), viewOptions)
configureEnvironment(env)

/** The tag as a reader meets it: its words, its colour class, and what follows it. */
function tag(rag: string | null, overridden?: boolean) {
  const html = env.renderString(
    '{% from "platform/views/components/rag-tag.njk" import appRagTag %}<p>{{ appRagTag(rag, overridden) }}</p>',
    { rag, overridden },
  )
  const $ = load(html)
  const strong = $('p > strong.govuk-tag')
  return { text: $('p').text().trim(), tags: strong.length, classes: strong.attr('class')?.split(' ') ?? [] }
}

describe('appRagTag', () => {
  it.each([
    ['red', 'Red', 'govuk-tag--red'],
    ['amber', 'Amber', 'govuk-tag--yellow'],
    ['green', 'Green', 'govuk-tag--green'],
    ['complete', 'Complete', 'govuk-tag--blue'],
    ['withdrawn', 'Withdrawn', 'govuk-tag--grey'],
    ['dropped', 'Dropped', 'govuk-tag--grey'],
    ['target date needed', 'Target date needed', 'govuk-tag--grey'],
    ['no milestones', 'No milestones', 'govuk-tag--grey'],
  ])('shows %s as a tag reading “%s” in %s', (rag, text, colour) => {
    expect(tag(rag)).toEqual({ text, tags: 1, classes: ['govuk-tag', colour] })
  })

  it('says when a scrutiny officer has overridden the rating', () => {
    expect(tag('amber', true).text).toBe('Amber (overridden)')
    expect(tag('amber', false).text).toBe('Amber')
  })

  it('shows nothing where there is no rating', () => {
    expect(tag(null)).toEqual({ text: '', tags: 0, classes: [] })
    expect(tag('not a rating')).toEqual({ text: '', tags: 0, classes: [] })
  })
})
