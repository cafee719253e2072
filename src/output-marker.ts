/**
 * Whose folder an output folder is. Every output fixset writes holds a
 * `.fixset` marker naming its generator and output format version; fixset
 * replaces a folder only when it is empty, holds that marker, or holds a
 * manifest that validates against fixset's own manifest schema (outputs
 * written before the marker existed). Any other `manifest.json` (a web app's,
 * say) is someone else's.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {ManifestSchema} from './schema.js'

export const markerFileName = '.fixset'

/** The output format's version; raised when the layout of `output/` changes. */
export const outputFormatVersion = 1

interface Marker {
  generator: 'fixset'
  format: number
}

/** The marker's content (JSON, like every other file fixset writes). */
export function markerContent(): Marker {
  return {generator: 'fixset', format: outputFormatVersion}
}

/** Whether `directory` holds a fixset marker or a manifest fixset's schema accepts. */
export function isFixsetOutput(directory: string): boolean {
  const marker = readJson(path.join(directory, markerFileName)) as Partial<Marker> | undefined
  if (marker?.generator === 'fixset' && Number.isInteger(marker.format)) return true
  return ManifestSchema.strict().safeParse(readJson(path.join(directory, 'manifest.json'))).success
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch {
    return undefined
  }
}
