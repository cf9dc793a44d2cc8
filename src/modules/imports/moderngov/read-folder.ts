import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_XML_LIMITS, type XmlLimits, readXmlFile } from '#src/platform/xml/read-xml.ts'
import type { PlanInput } from './build-plan.ts'
import { readModernGovResponse } from './responses.ts'

/**
 * Reads every .xml file of a folder of saved responses. A file that is malformed, over a limit or not a
 * response this import reads is reported by name and nothing of it is used; the others are read regardless.
 */
export async function readResponseFolder(
  folder: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): Promise<PlanInput & { files: number }> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
    .map((entry) => entry.name)
    .sort()
  const input: PlanInput & { files: number } = { responses: [], unknown: [], errors: [], files: names.length }
  for (const name of names) {
    const xml = await readXmlFile(join(folder, name), limits)
    if (!xml.ok) {
      input.errors.push({ file: name, message: xml.message })
      continue
    }
    const read = readModernGovResponse(name, xml.root)
    if (!read.ok) {
      input.errors.push({ file: name, message: read.message })
      continue
    }
    input.responses.push({ file: name, response: read.response })
    input.unknown.push(...read.unknown)
  }
  return input
}
