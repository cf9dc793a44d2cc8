// The reading thread when Oversight runs as TypeScript (under tsx, and in the tests): TypeScript is
// made loadable in this thread first. Built, the thread runs read-worker.js itself.
import { register } from 'tsx/esm/api'

register()
await import('./read-worker.ts')
