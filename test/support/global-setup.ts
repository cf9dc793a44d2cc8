import { randomBytes } from 'node:crypto'
import type { TestProject } from 'vitest/node'
import { removePrepared } from './prepared.ts'

/** Gives each test run an id for the databases its suites prepare once and copy, and removes them at the end. */
export default function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex')
  project.provide('testRunId', run)
  return () => removePrepared(run)
}
