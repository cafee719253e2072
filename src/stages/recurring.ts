/**
 * The corpus pass that finds page chrome: after deduplication, count for each
 * line hash of the scan (`block-hashes.ts`) the distinct clusters that hold
 * it (a cluster holds a hash when any member does, so a republished copy
 * never counts twice). A hash in at least `minClusters` clusters, and in at
 * least `minShare` of all clusters, is *recurring*: the render of a file
 * receives those of its own hashes, and the clean rule `recurring-block`
 * removes the paragraphs made of them.
 *
 * Like CCNet's and Dolma's paragraph deduplication over a shard, and
 * trafilatura's segments seen too often, but keyed by article, not by file.
 * The set depends only on the clusters and the files' hashes, never on the
 * order files were scanned in or the number of workers.
 */
import type {RecurringConfig} from '../config.js'
import type {Cluster} from './dedupe.js'

export interface RecurringSet {
  /** Distinct clusters per recurring hash. */
  clusters: Map<number, number>
  /** The number of clusters a hash needed. */
  threshold: number
}

/** The recurring hashes of a deduplicated corpus; `blocksOf` gives a member's sorted distinct hashes. */
export function findRecurring(clusters: readonly Cluster[], blocksOf: (path: string) => readonly number[], config: RecurringConfig): RecurringSet {
  const counts = new Map<number, number>()
  for (const cluster of clusters) {
    for (const hash of clusterHashes(cluster, blocksOf)) counts.set(hash, (counts.get(hash) ?? 0) + 1)
  }
  const threshold = Math.max(config.minClusters, Math.ceil(config.minShare * clusters.length))
  const recurring = new Map<number, number>()
  for (const [hash, count] of counts) if (count >= threshold) recurring.set(hash, count)
  return {clusters: recurring, threshold}
}

/** The hashes of `blocks` (one file's) that are recurring, in order. */
export function recurringIn(blocks: readonly number[], set: RecurringSet): number[] {
  return blocks.filter((hash) => set.clusters.has(hash))
}

/** A hash as the 14 hex digits (53 bits) the report shows. */
export function hashHex(hash: number): string {
  return hash.toString(16).padStart(14, '0')
}

function clusterHashes(cluster: Cluster, blocksOf: (path: string) => readonly number[]): Iterable<number> {
  if (cluster.duplicates.length === 0) return blocksOf(cluster.canonical)
  const union = new Set(blocksOf(cluster.canonical))
  for (const duplicate of cluster.duplicates) for (const hash of blocksOf(duplicate.path)) union.add(hash)
  return union
}
