import { MAX_PROBLEMS_SHOWN } from './limits.ts'

/**
 * The problems found in a rejected file, as a report shows them: the first ones, in the order
 * found, and how many more. A file with a problem in every cell of 10,000 rows still makes a
 * small page, and the list held while checking stays small too.
 */
export class ProblemList<T> {
  readonly shown: T[] = []
  private total = 0

  constructor(private readonly max = MAX_PROBLEMS_SHOWN) {}

  add(problem: T) {
    this.total += 1
    if (this.shown.length < this.max) this.shown.push(problem)
  }

  get count() {
    return this.total
  }

  /** How many were found beyond those shown. */
  get more() {
    return this.total - this.shown.length
  }
}
