import { startE2EServer } from './server.ts'
const s = await startE2EServer({ today: process.env.TODAY })
console.log(s.baseUrl)
