/**
 * The open data API's refusal of a query its schema does not accept: `{ error, statusCode }` like
 * every other refusal under /api/, with each problem by field.
 */
export function invalidQuery(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const details = issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))
  return { error: 'The query is not valid', statusCode: 400, details }
}
