import { configDefaults, defineConfig } from 'vitest/config'
import LongestFirst from './test/support/sequencer.ts'

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite is CPU-bound WebAssembly; two cores serve two files at a time best.
    pool: 'forks',
    // The e2e project runs on the threads pool, two files at a time: Vitest sizes each pool from this
    // root config only, so a per-project maxForks would be ignored.
    poolOptions: { forks: { maxForks: 2, minForks: 1 }, threads: { maxThreads: 2, minThreads: 1 } },
    // A worker runs file after file without importing the app (and, for the journeys, Playwright)
    // afresh: importing it for every file cost about half the unit project's CPU. Set here, not per
    // project: as with their size, whether the pools keep a worker for the next file is read from this
    // root config only. Files share no state through it (each builds its own app on its own database,
    // each journey its own Chromium); a test that changes process-wide state (process.env, timers)
    // must put it back.
    isolate: false,
    reporters: ['default'],
    // The longest files first, so that neither core is left with one at the end.
    sequence: { sequencer: LongestFirst },
    // Gives the run an id under which suites prepare a migrated database (and one with the demo) once, to copy.
    globalSetup: ['./test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
        },
      },
      {
        // Browser journeys (test/e2e/*.e2e.test.ts): each file starts the app and a Chromium, which
        // between them keep about one core busy, so two files run at a time (the threads pool, sized
        // above) and only after the unit and HTTP suites have finished (groupOrder), so neither
        // starves the other of the two cores.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          pool: 'threads',
          sequence: { groupOrder: 1 },
          // A journey walks through a dozen pages with an axe scan on each; on two busy cores that can
          // pass a minute. The limit is there to stop a hang, not to time pages (the bench does that).
          testTimeout: 120_000,
        },
      },
    ],
  },
})
