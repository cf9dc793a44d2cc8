import type { ExtractKind } from './records.ts'
import type { PlainValue, ReturnsStore } from './store.ts'
import { collectionYear } from './synth.ts'
import { RULES_903 } from './rules-903.ts'
import { RULES_CIN } from './rules-cin.ts'

/**
 * One of the DfE's validation rules for a return, written as SQL over the store so that it runs
 * where the rows are, however many there are. The SQL selects `child` and `"row"` of each failing
 * row of `table` in the extract `$extract`; it may use `$year_start` and `$year_end` (the collection
 * year's 1 April and 31 March). A rule that finds rows in more than one table selects `"table"` too.
 */
export interface Rule {
  /** The DfE's code for the rule, as its validator gives it. */
  code: string
  kind: ExtractKind
  message: string
  table: string
  field: string
  sql: string
  /** The SQL selects the table of each failing row as `"table"`. */
  selectsTable?: boolean
}

export interface RuleFailure {
  code: string
  message: string
  child: string | null
  table: string
  row: number
  field: string
}

export interface ValidationReport {
  /** The first failures, by table and row. */
  failures: RuleFailure[]
  /** How many more there are beyond those listed. */
  moreFailures: number
  /** Each rule that found failures, with how many. */
  byRule: { code: string; message: string; count: number }[]
  tablesWithFailures: string[]
  rulesChecked: number
}

export const RULES: readonly Rule[] = [...RULES_903, ...RULES_CIN]

export const MAX_FAILURES_LISTED = 1000

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

/** The parameters a rule's SQL names, and only those (DuckDB refuses a parameter it is not asked for). */
function paramsFor(sql: string, values: Record<string, PlainValue>): Record<string, PlainValue> {
  const params: Record<string, PlainValue> = {}
  for (const [name, value] of Object.entries(values)) if (new RegExp(`\\$${name}\\b`).test(sql)) params[name] = value
  return params
}

/**
 * Checks an extract against every rule of its return. Each rule is counted in SQL, and only the
 * first `maxListed` failures (by table, then row) are read out, so the report stays small for an
 * extract of a million children with errors in every row.
 */
export async function validateExtract(
  store: ReturnsStore,
  extract: { id: string; kind: ExtractKind; year: string },
  options: { maxListed?: number; rules?: readonly Rule[] } = {},
): Promise<ValidationReport> {
  const maxListed = Math.max(0, Math.floor(options.maxListed ?? MAX_FAILURES_LISTED))
  const rules = (options.rules ?? RULES).filter((rule) => rule.kind === extract.kind)
  const { start, end } = collectionYear(extract.year)
  const values = { extract: extract.id, year_start: iso(start), year_end: iso(end) }

  const byRule: ValidationReport['byRule'] = []
  const failing: number[] = []
  let total = 0
  for (const [index, rule] of rules.entries()) {
    const [{ count }] = await store.query(`select count(*) as count from (${rule.sql})`, paramsFor(rule.sql, values))
    if (Number(count) === 0) continue
    byRule.push({ code: rule.code, message: rule.message, count: Number(count) })
    failing.push(index)
    total += Number(count)
  }

  const failures: RuleFailure[] = []
  const tables = new Set<string>()
  if (failing.length > 0) {
    // Only the rules that failed are run again, together, to list the first failures in order.
    const parts = failing.map((index) => {
      const rule = rules[index]
      const table = rule.selectsTable ? '"table"' : `'${rule.table}'`
      return `select ${index} as rule, child, "row", ${table} as "table" from (${rule.sql})`
    })
    const sql = parts.join(' union all ')
    const params = paramsFor(sql, values)
    for (const row of await store.query(`select distinct "table" from (${sql})`, params)) tables.add(String(row.table))
    if (maxListed > 0) {
      const rows = await store.query(`select * from (${sql}) order by "table", "row", rule limit ${maxListed}`, params)
      for (const row of rows) {
        const rule = rules[Number(row.rule)]
        failures.push({
          code: rule.code,
          message: rule.message,
          child: row.child === null ? null : String(row.child),
          table: String(row.table),
          row: Number(row.row),
          field: rule.field,
        })
      }
    }
  }

  return {
    failures,
    moreFailures: total - failures.length,
    byRule,
    tablesWithFailures: [...tables].sort(),
    rulesChecked: rules.length,
  }
}
