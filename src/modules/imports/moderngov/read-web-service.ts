import { type PoliteFetchOptions, createPoliteFetch } from '#src/platform/http/polite-fetch.ts'
import { DEFAULT_XML_LIMITS, readXml } from '#src/platform/xml/read-xml.ts'
import type { PlanInput } from './build-plan.ts'
import { type MgResponse, readModernGovResponse } from './responses.ts'

export interface WebServiceRequest {
  /** The web service's address, `https://<site>/mgWebService.asmx`. */
  address: string
  /** Only these committees' meetings are asked for (by name, any case); all when empty. */
  bodies: string[]
  from: string
  to: string
}

/** The site's own address is taken to mean its web service, where Modern.gov always keeps it. */
export function webServiceAddress(source: string): string {
  const trimmed = source.replace(/\/+$/, '')
  return /\.asmx$/i.test(trimmed) ? trimmed : `${trimmed}/mgWebService.asmx`
}

/** The service takes its dates as the council writes them, dd/mm/yyyy. */
function serviceDate(iso: string): string {
  const [year, month, day] = iso.split('-')
  return `${day}/${month}/${year}`
}

/**
 * Asks the web service for what a folder of saved responses would hold: the committees, the councillors by
 * ward, each wanted committee's meetings between the dates and each of those meetings. Each answer is read
 * exactly as a saved file is, under its address; a request that fails is reported by its address and the
 * import goes on without it.
 */
export async function readWebService(
  request: WebServiceRequest,
  options: PoliteFetchOptions,
  /** Told after each request how many are done of how many are known so far (the total grows as lists come in). */
  onProgress?: (done: number, total: number) => void,
): Promise<PlanInput & { files: number }> {
  const client = createPoliteFetch(options)
  const limits = { ...DEFAULT_XML_LIMITS, maxBytes: options.maxBytes }
  const input: PlanInput & { files: number } = {
    responses: [],
    unknown: [],
    errors: [],
    origin: 'web service',
    files: 0,
  }

  // The committees and the councillors first; each committee's list and each meeting join the total when known.
  let total = 2
  const ask = async (method: string, query: Record<string, string> = {}): Promise<MgResponse | null> => {
    const params = new URLSearchParams(query).toString()
    const url = `${request.address}/${method}${params ? `?${params}` : ''}`
    input.files += 1
    const fetched = await client.get(url)
    onProgress?.(input.files, total)
    if (!fetched.ok) {
      input.errors.push({ file: url, message: `${url}: ${fetched.message}` })
      return null
    }
    const xml = readXml(url, fetched.body.toString('utf8'), limits)
    if (!xml.ok) {
      input.errors.push({ file: url, message: xml.message })
      return null
    }
    const read = readModernGovResponse(url, xml.root)
    if (!read.ok) {
      input.errors.push({ file: url, message: read.message })
      return null
    }
    input.responses.push({ file: url, response: read.response })
    input.unknown.push(...read.unknown)
    return read.response
  }

  const committees = await ask('GetCommittees', { lDays: '0' })
  await ask('GetCouncillorsByWard')
  const wanted = request.bodies.map((name) => name.toLowerCase())
  const committeeIds =
    committees?.kind === 'committees'
      ? committees.committees
          .filter((committee) => !committee.deleted)
          .filter((committee) => !wanted.length || wanted.includes(committee.title.toLowerCase()))
          .map((committee) => committee.id)
      : []
  total += committeeIds.length

  const meetingIds = new Set<string>()
  for (const committeeId of committeeIds) {
    const meetings = await ask('GetMeetings', {
      lCommitteeId: committeeId,
      sFromDate: serviceDate(request.from),
      sToDate: serviceDate(request.to),
    })
    if (meetings?.kind === 'meetings') for (const meeting of meetings.meetings) meetingIds.add(meeting.id)
  }
  total += meetingIds.size
  for (const meetingId of meetingIds) await ask('GetMeeting', { lMeetingId: meetingId })
  return input
}
