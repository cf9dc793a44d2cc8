import { describe, expect, it } from 'vitest'
import {
  anchors,
  attribute,
  count,
  errorSummary,
  fieldError,
  formFields,
  forms,
  heading,
  linkTo,
  links,
  section,
  summaryList,
  table,
  tags,
  text,
  texts,
  title,
} from './html.ts'

const page = `<!DOCTYPE html>
<html lang="en"><head><title>Error: Add a body – Oversight</title><script>var hidden = 'not text'</script></head>
<body>
<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
  <h2 class="govuk-error-summary__title">There is a problem</h2>
  <ul class="govuk-list govuk-error-summary__list">
    <li><a href="#name">Enter the name of the body</a></li>
    <li><a href="#kind">Select what kind of body this is</a></li>
  </ul></div></div>
<h1 class="govuk-heading-l">Children and Young People&#39;s <span>Scrutiny</span> Committee</h1>
<p>Fish &amp; chips<strong>Red</strong>, then <a href="/people/jo?x=1&amp;y=2">Jo Snape</a></p>
<p class="govuk-error-message" id="name-error"><span class="govuk-visually-hidden">Error:</span> Enter the name of the body</p>
<dl class="govuk-summary-list">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt>
    <dd class="govuk-summary-list__value"><strong class="govuk-tag govuk-tag--red">Red</strong></dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Due</dt>
    <dd class="govuk-summary-list__value">31 December 2023</dd>
    <dd class="govuk-summary-list__actions"><a href="/edit">Change</a></dd></div>
</dl>
<table class="govuk-table" id="figures"><thead><tr><th>Month</th><th>Waiting</th></tr></thead>
  <tbody><tr><td>December 2023</td><td>331 <span>↑</span></td></tr></tbody></table>
<form method="post" action="/bodies" novalidate>
  <input type="hidden" name="_csrf" value="token">
  <input type="hidden" name="_version" value="3">
  <input class="govuk-input" id="name" name="name" type="text" value="O&#39;Brien &quot;Jo&quot;" inputmode="text">
  <input type="radio" name="kind" value="committee"><input type="radio" name="kind" value="panel" checked>
  <input type="checkbox" name="areas" value="a" checked><input type="checkbox" name="areas" value="b" checked>
  <select name="bodyId"><option value="">Choose</option><option value="b1" selected>Panel</option></select>
  <textarea name="remit">Looks after &lt;children&gt;</textarea>
  <input type="file" name="file">
  <button class="govuk-button">Save</button>
</form>
<form method="get"><select name="month"><option>2023-12</option></select></form>
</body></html>`

describe('the readers of rendered pages', () => {
  it('reads the heading, the title and the text as a reader meets them', () => {
    expect(heading(page)).toBe("Children and Young People's Scrutiny Committee")
    expect(title(page)).toBe('Error: Add a body – Oversight')
    expect(text(page)).toContain('Fish & chips Red , then Jo Snape')
    expect(text(page)).not.toContain('not text')
    expect(text('<p>a<br>b</p>')).toBe('a b')
  })

  it('reads the error summary and a field’s own message', () => {
    expect(errorSummary(page)).toEqual(['Enter the name of the body', 'Select what kind of body this is'])
    expect(errorSummary('<h1>Fine</h1>')).toEqual([])
    expect(fieldError(page, 'name')).toBe('Error: Enter the name of the body')
    expect(fieldError(page, 'kind')).toBeNull()
  })

  it('reads tables, summary lists and tags by structure', () => {
    expect(table(page, '#figures')).toEqual([
      ['Month', 'Waiting'],
      ['December 2023', '331 ↑'],
    ])
    expect(summaryList(page)).toEqual({ Status: 'Red', Due: '31 December 2023' })
    expect(tags(page)).toEqual(['Red'])
  })

  it('reads links with their text, entities decoded', () => {
    expect(links(page)).toContain('/people/jo?x=1&y=2')
    expect(anchors(page, 'p')).toEqual([{ href: '/people/jo?x=1&y=2', text: 'Jo Snape' }])
    expect(linkTo(page, 'Jo Snape')).toBe('/people/jo?x=1&y=2')
    expect(linkTo(page, 'Nobody')).toBeUndefined()
  })

  it('reads forms and what they would send as they stand', () => {
    const [post, get] = forms(page)
    expect(post).toMatchObject({ method: 'post', action: '/bodies', enctype: 'application/x-www-form-urlencoded' })
    expect(post.controls.find((control) => control.name === 'name')).toMatchObject({
      id: 'name',
      inputmode: 'text',
      value: 'O\'Brien "Jo"',
    })
    expect(post.controls.find((control) => control.name === 'bodyId')).toMatchObject({
      type: 'select',
      value: 'b1',
      options: ['', 'b1'],
    })
    expect(get).toMatchObject({ method: 'get', action: null })
    expect(get.controls[0]).toMatchObject({ value: '2023-12', options: ['2023-12'] })
    expect(formFields(page, '/bodies')).toEqual({
      _version: '3',
      name: 'O\'Brien "Jo"',
      kind: 'panel',
      areas: ['a', 'b'],
      bodyId: 'b1',
      remit: 'Looks after <children>',
    })
    expect(() => formFields(page, '/elsewhere')).toThrow('No form posts to /elsewhere')
  })
})

describe('the readers of a page’s parts', () => {
  const page = `<h2>Next meeting: Thursday 25 January 2024</h2><ol><li>8. <a href="/m#item-8">Update</a></li></ol>
<h2>Recommendations needing attention</h2>
<table><caption>Open recommendations that are red</caption><tr><th>Number</th><th>RAG</th></tr>
<tr><td>9</td><td><strong class="govuk-tag">Red</strong></td></tr></table>
<h3>Wednesday 27 March 2024</h3><ul><li>Placement stability</li></ul>
<h2>Forward plan</h2><table><caption>Key decisions</caption><tr><td>January 2024</td></tr></table>`

  it('reads the part under a heading, up to the next heading of its level', () => {
    expect(text(section(page, 'Next meeting:'))).toBe('Next meeting: Thursday 25 January 2024 8. Update')
    const attention = section(page, 'Recommendations needing attention')
    expect(text(attention)).not.toContain('Key decisions')
    expect(text(section(attention, 'Wednesday 27 March 2024'))).toBe('Wednesday 27 March 2024 Placement stability')
    expect(section(page, 'No such heading')).toBe('')
  })

  it('finds a table by its caption, and the text of every match of a selector', () => {
    expect(table(page, { caption: 'Key decisions' })).toEqual([['January 2024']])
    expect(table(page, { caption: 'Open recommendations' })).toEqual([
      ['Number', 'RAG'],
      ['9', 'Red'],
    ])
    expect(texts(page, 'caption')).toEqual(['Open recommendations that are red', 'Key decisions'])
    expect(count(page, 'table')).toBe(2)
    expect(attribute(page, 'a', 'href')).toBe('/m#item-8')
  })
})
