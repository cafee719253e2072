/**
 * Frontmatter dates, as ISO 8601. Generators write dates many ways (Hugo
 * `2019-03-26T08:47:11+01:00`, Jekyll `2019-03-26 08:47:11 +0100`, WordPress
 * `2019-03-26 08:47:11`, MarkDownload `2024-07-24T14:51:33 (UTC -05:00)` or
 * `2025-01-29  03:07:19`); fixset emits one form, by this rule:
 *
 * - a day only (`YYYY-MM-DD`) stays `YYYY-MM-DD`;
 * - a day and a time become the UTC instant, `Date#toISOString()`
 *   (`YYYY-MM-DDTHH:MM:SS.sssZ`); the time is read in its zone (`Z`, `UTC`,
 *   `GMT`, `±HH:MM`, `±HHMM`, `±HH`, `(UTC ±HH:MM)`), or as UTC when it names
 *   none; fractions of a second beyond milliseconds are cut off;
 * - anything else, or a day or time that does not exist (`2024-02-30`,
 *   `25:00`), is no date.
 */

const datePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?|\((?:UTC|GMT)\s*(?:[+-]\d{2}(?::?\d{2})?)?\)))?)?$/i

/** The ISO 8601 form of a date as written, or undefined when it is not one (see the rule above). */
export function normaliseDate(text: string): string | undefined {
  const parsed = parseDate(text)
  if (parsed === undefined) return undefined
  return parsed.dayOnly ? new Date(parsed.time).toISOString().slice(0, 10) : new Date(parsed.time).toISOString()
}

/**
 * Milliseconds since the epoch of a date as written (a day only counts from
 * its UTC midnight), or undefined when it is not one: `2024-13-45` must not
 * roll over into another month, as `Date` would make it.
 */
export function dateValue(text: string): number | undefined {
  return parseDate(text)?.time
}

function parseDate(text: string): {time: number; dayOnly: boolean} | undefined {
  const match = datePattern.exec(text.trim())
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const midnight = Date.UTC(year, month - 1, day)
  const probe = new Date(midnight)
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined
  if (match[4] === undefined) return {time: midnight, dayOnly: true}
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)]
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined
  const milliseconds = Number((match[7] ?? '').slice(0, 3).padEnd(3, '0'))
  const offset = offsetMinutes(match[8])
  if (offset === undefined) return undefined
  return {time: midnight + ((hours * 60 + minutes - offset) * 60 + seconds) * 1000 + milliseconds, dayOnly: false}
}

/** Minutes east of UTC named by a zone suffix; no suffix is UTC. */
function offsetMinutes(zone: string | undefined): number | undefined {
  const offset = /([+-])(\d{2}):?(\d{2})?/.exec(zone ?? '')
  if (!offset) return 0
  const [hours, minutes] = [Number(offset[2]), Number(offset[3] ?? 0)]
  if (hours > 14 || minutes > 59) return undefined
  return (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}
