import { describe, expect, it } from 'vitest'
import { type OpenApiFragment, bodiesApi, openApiDocument } from './openapi.ts'

/** Every "$ref" anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn)
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [v] : refsIn(v)))
  }
  return []
}

describe('openApiDocument', () => {
  const document = JSON.parse(JSON.stringify(openApiDocument()))

  it('is OpenAPI 3.1 with the open data paths', () => {
    expect(document.openapi).toBe('3.1.0')
    expect(document.info.title).toBeTruthy()
    expect(document.info.version).toBeTruthy()
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/bodies',
      '/api/v1/meetings',
      '/api/v1/meetings/{id}',
      '/calendar.ics',
    ])
  })

  it('refers only to schemas it defines', () => {
    const defined = Object.keys(document.components.schemas).map((name) => `#/components/schemas/${name}`)
    const used = refsIn(document)
    expect(used.length).toBeGreaterThan(0)
    for (const ref of used) expect(defined).toContain(ref)
  })

  it('merges another module’s paths, and refuses a path described twice', () => {
    const more: OpenApiFragment = {
      paths: { '/api/v1/recommendations': { get: { responses: { '200': { description: 'ok' } } } } },
    }
    expect(Object.keys(openApiDocument([bodiesApi, more]).paths)).toEqual(['/api/v1/bodies', '/api/v1/recommendations'])
    expect(() => openApiDocument([bodiesApi, bodiesApi])).toThrow('described twice')
  })
})
