/**
 * Stage 6, deduplicate: cluster near-identical articles and pick a canonical one.
 *
 * Candidates come from MinHash LSH banding (cost grows linearly with the
 * corpus); each candidate pair is then verified exactly on the shingle sets.
 * Two articles merge when their Jaccard similarity reaches `minJaccard`, or
 * when one holds at least `minContainment` of the other's shingles and the
 * other at least half of the first's (a copy with a longer tail). Clusters are
 * connected components of verified pairs, but a member joins only if it is
 * itself similar to the cluster's canonical article, so chains never merge
 * articles with different content. A body of fewer than `minWords` words
 * never merges: tiny bodies ("Thanks for reading.", a footer) share all their
 * shingles without being one article, and would otherwise join everything
 * that holds them.
 *
 * Canonical member: the earliest valid `date` (or the latest, by
 * `dedupe.canonical`), then path order. The others are its duplicates, each
 * with its Jaccard similarity to the canonical one.
 */
import type {DedupeConfig} from '../config.js'
import {compareStrings} from '../diagnostics.js'
import {dateValue} from './frontmatter.js'
import {overlap, type Signature} from './signature.js'

export interface DedupeInput {
  path: string
  date: string | null
  signature: Signature
}

export interface Cluster {
  canonical: string
  /** Other members in path order, with their similarity to the canonical one. */
  duplicates: Array<{path: string; similarity: number}>
}

export function deduplicate(items: readonly DedupeInput[], config: DedupeConfig): Cluster[] {
  const sorted = [...items].sort((a, b) => compareStrings(a.path, b.path))
  const components = connectSimilar(sorted, config)
  const groups = new Map<number, number[]>()
  sorted.forEach((_, index) => {
    const root = components.find(index)
    const group = groups.get(root)
    if (group) group.push(index)
    else groups.set(root, [index])
  })

  const clusters: Cluster[] = []
  for (const members of groups.values()) clusters.push(...splitAroundCanonical(members.map((index) => sorted[index]!), config))
  return clusters.sort((a, b) => compareStrings(a.canonical, b.canonical))
}

/** Canonical order: the earliest (or, by `rule`, the latest) valid date first, undated last, then path order. */
export function compareCanonical(a: DedupeInput, b: DedupeInput, rule: DedupeConfig['canonical'] = 'earliest'): number {
  const [dateA, dateB] = [canonicalDate(a), canonicalDate(b)]
  if (dateA !== dateB) {
    if (dateA === undefined) return 1
    if (dateB === undefined) return -1
    return rule === 'earliest' ? dateA - dateB : dateB - dateA
  }
  return compareStrings(a.path, b.path)
}

/** An item's date in milliseconds, read once per item however often sorting compares it. */
const dates = new WeakMap<DedupeInput, number | undefined>()
function canonicalDate(item: DedupeInput): number | undefined {
  if (!dates.has(item)) dates.set(item, item.date === null ? undefined : dateValue(item.date))
  return dates.get(item)
}

/**
 * Picks the canonical member; members not themselves similar to it start a
 * cluster of their own, and so on, so a chain A~B~C never puts A and C
 * together unless they are similar. A loop, not recursion: a component of
 * 10,000 files that each overlap only their neighbours splits into thousands
 * of clusters, and the stack must not grow with them. Nor is every member
 * compared with every canonical one: two signatures can only be similar when
 * they share a shingle (for any `minJaccard` above 0), so a canonical member
 * is compared with the members that share one of its shingles.
 */
export function splitAroundCanonical(members: readonly DedupeInput[], config: DedupeConfig): Cluster[] {
  const sorted = [...members].sort((a, b) => compareCanonical(a, b, config.canonical))
  const taken = new Uint8Array(sorted.length)
  const candidatesOf = candidateFinder(sorted, config)
  const clusters: Cluster[] = []
  for (const [index, canonical] of sorted.entries()) {
    // Every member before this one is a canonical member or taken, so this is the first of the rest in canonical order.
    if (taken[index]) continue
    taken[index] = 1
    const cluster: Cluster = {canonical: canonical.path, duplicates: []}
    for (const other of candidatesOf(index)) {
      if (taken[other] || !similar(canonical.signature, sorted[other]!.signature, config)) continue
      taken[other] = 1
      cluster.duplicates.push({path: sorted[other]!.path, similarity: similarity(canonical.signature, sorted[other]!.signature)})
    }
    cluster.duplicates.sort((a, b) => compareStrings(a.path, b.path))
    clusters.push(cluster)
  }
  return clusters
}

/** Below this many members every pair is compared: an index of shingles costs more than it saves. */
const minIndexedMembers = 64

/** The members after `index` that may be similar to it: those sharing a shingle, or all when the rule does not need one. */
function candidateFinder(sorted: readonly DedupeInput[], config: DedupeConfig): (index: number) => Iterable<number> {
  const after = (index: number) => Array.from({length: sorted.length - index - 1}, (_, offset) => index + 1 + offset)
  if (sorted.length < minIndexedMembers || config.minJaccard <= 0) return after
  const postings = new Map<number, number[]>()
  sorted.forEach((member, index) => {
    for (const shingle of member.signature.shingles) {
      const list = postings.get(shingle)
      if (list) list.push(index)
      else postings.set(shingle, [index])
    }
  })
  const seenFor = new Int32Array(sorted.length).fill(-1)
  return (index) => {
    const found: number[] = []
    for (const shingle of sorted[index]!.signature.shingles) {
      for (const other of postings.get(shingle)!) {
        if (other <= index || seenFor[other] === index) continue
        seenFor[other] = index
        found.push(other)
      }
    }
    return found
  }
}

/** Whether a body has enough content of its own to be merged with another. */
export function mergeable(signature: Signature, config: DedupeConfig): boolean {
  return signature.shingles.length > 0 && signature.words >= config.minWords
}

function similar(a: Signature, b: Signature, config: DedupeConfig): boolean {
  if (!mergeable(a, config) || !mergeable(b, config)) return false
  const {jaccard, containedInA, containedInB} = overlap(a.shingles, b.shingles)
  const high = Math.max(containedInA, containedInB)
  const low = Math.min(containedInA, containedInB)
  return jaccard >= config.minJaccard || (high >= config.minContainment && low >= 0.5)
}

/**
 * Joins every two items that share an LSH band and are verified similar.
 * A pair already joined through others is not verified (it cannot change the
 * components), nor is a pair that failed once in an earlier band, so many
 * copies of one article are compared about once per copy, not once per pair
 * and band (the 10× bench corpus has buckets of 390).
 */
function connectSimilar(items: readonly DedupeInput[], config: DedupeConfig): UnionFind {
  const components = new UnionFind(items.length)
  const rows = Math.floor(config.permutations / config.bands)
  const dissimilar = new Set<number>()
  for (let band = 0; band < config.bands; band++) {
    const buckets = new Map<string, number[]>()
    items.forEach((item, index) => {
      if (!mergeable(item.signature, config)) return
      const key = bandKey(item.signature.minhash, band * rows, rows)
      const bucket = buckets.get(key)
      if (bucket) bucket.push(index)
      else buckets.set(key, [index])
    })
    for (const bucket of buckets.values()) {
      // Copies of one article share most bands: once they are joined, a bucket costs one lookup per member.
      if (bucket.every((index) => components.find(index) === components.find(bucket[0]!))) continue
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const [a, b] = [bucket[i]!, bucket[j]!]
          if (components.find(a) === components.find(b)) continue
          const pair = a * items.length + b
          if (dissimilar.has(pair)) continue
          if (similar(items[a]!.signature, items[b]!.signature, config)) components.union(a, b)
          else dissimilar.add(pair)
        }
      }
    }
  }
  return components
}

/** One band of a MinHash as a string key: two UTF-16 units per value, so equal keys mean equal values. */
function bandKey(minhash: Uint32Array, start: number, rows: number): string {
  let key = ''
  for (let index = start; index < start + rows; index++) {
    const value = minhash[index]!
    key += String.fromCharCode(value >>> 16, value & 0xffff)
  }
  return key
}

/** Exact Jaccard similarity of two signatures' shingle sets, to four decimals (stable across platforms). */
export function similarity(a: Signature, b: Signature): number {
  return Math.round(overlap(a.shingles, b.shingles).jaccard * 10000) / 10000
}

class UnionFind {
  private readonly parent: Int32Array
  constructor(size: number) {
    this.parent = Int32Array.from({length: size}, (_, index) => index)
  }
  find(index: number): number {
    let root = index
    while (this.parent[root]! !== root) root = this.parent[root]!
    while (this.parent[index]! !== root) {
      const next = this.parent[index]!
      this.parent[index] = root
      index = next
    }
    return root
  }
  union(a: number, b: number): void {
    const rootA = this.find(a)
    const rootB = this.find(b)
    // The smaller index becomes the root, so the structure does not depend on pair order.
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB)
  }
}
