import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The files that take longest, longest first. Vitest starts the files it has timed longest first,
 * but on a fresh clone (as in CI) it has no timings and starts the largest files first; the
 * accessibility scans are small files that run for minutes, and one started last keeps a core
 * busy long after the other has finished. Update the list when a file grows long.
 */
const LONGEST = [
  'test/e2e/accessibility-public.e2e.test.ts',
  'test/e2e/accessibility-staff.e2e.test.ts',
  'test/e2e/everyday-use.e2e.test.ts',
  'test/e2e/minutes-and-recommendations.e2e.test.ts',
  'src/every-route-fuzz.test.ts',
  'src/every-route.test.ts',
]

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((path) => file.moduleId.endsWith(path))
      return index === -1 ? LONGEST.length : index
    }
    // A stable sort: the rest keep the order Vitest gave them.
    return sorted.sort((a, b) => rank(a) - rank(b))
  }
}
