/**
 * Content signatures for deduplication, computed from the words of the body
 * only (`scan.ts`; titles and frontmatter differ between copies of one article).
 *
 * Words are hashed once each; a shingle's hash combines the hashes of its
 * words instead of joining strings (about 4× faster). MinHash uses fixed
 * seeds so signatures, and therefore clusters, are the same on every run.
 */

export interface Signature {
  /** How many words the body has (dedupe's minimum content). */
  words: number
  /** Distinct shingle hashes, sorted ascending. */
  shingles: Uint32Array
  /** One minimum per permutation. */
  minhash: Uint32Array
}

export function computeSignature(words: readonly string[], shingleSize: number, permutations: number): Signature {
  const shingles = shingleHashes(words, shingleSize)
  return {words: words.length, shingles, minhash: minhash(shingles, permutations)}
}

/** Distinct hashes of every run of `size` consecutive words (the whole text when it is shorter). */
export function shingleHashes(words: readonly string[], size: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0)
  const hashes = words.map(hashWord)
  const count = Math.max(1, hashes.length - size + 1)
  const all = new Uint32Array(count)
  for (let start = 0; start < count; start++) {
    let hash = 0x9747b28c
    for (let offset = start; offset < Math.min(start + size, hashes.length); offset++) {
      hash = fmix32(Math.imul(hash ^ hashes[offset]!, 0x01000193))
    }
    all[start] = hash
  }
  // Sorting a typed array and dropping repeats is several times faster than a Set.
  all.sort()
  let distinct = 0
  for (let index = 0; index < all.length; index++) {
    if (index === 0 || all[index] !== all[index - 1]) all[distinct++] = all[index]!
  }
  return all.slice(0, distinct)
}

/** FNV-1a over UTF-16 code units. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) {
    hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  }
  return hash >>> 0
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
export function fmix32(value: number): number {
  return fmix32Signed(value) >>> 0
}

/** `fmix32` as a signed 32-bit integer (same bits), which V8 keeps as a small integer. */
function fmix32Signed(value: number): number {
  let hash = value | 0
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  return hash ^ (hash >>> 16)
}

/** Fixed per-permutation seeds, derived deterministically. */
const seedCache = new Map<number, Uint32Array>()
export function seeds(count: number): Uint32Array {
  let cached = seedCache.get(count)
  if (!cached) {
    cached = new Uint32Array(count)
    for (let index = 0; index < count; index++) cached[index] = fmix32(0x5bd1e995 + Math.imul(index + 1, 0x9e3779b9))
    seedCache.set(count, cached)
  }
  return cached
}

/**
 * One minimum of `fmix32(shingle ^ seed)` per permutation: ~half of scanning
 * a file. The shingles are read once per four permutations, whose minima stay
 * in registers, in signed 32-bit arithmetic (`^ 0x80000000` turns unsigned
 * order into signed order) so no value leaves the small-integer range. The
 * values are the plain loop's; measured ~20% faster than one permutation a
 * pass (eight a pass was no faster). A count that is not a multiple of four
 * computes the last group in full and drops its extra minima.
 */
function minhash(shingles: Uint32Array, permutations: number): Uint32Array {
  const padded = Math.ceil(permutations / 4) * 4
  const result = new Uint32Array(padded)
  const signed = new Int32Array(shingles.buffer, shingles.byteOffset, shingles.length)
  const seed = seeds(padded)
  for (let group = 0; group < padded; group += 4) {
    const [seed0, seed1, seed2, seed3] = [seed[group]! | 0, seed[group + 1]! | 0, seed[group + 2]! | 0, seed[group + 3]! | 0]
    let [minimum0, minimum1, minimum2, minimum3] = [0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff]
    for (let index = 0; index < signed.length; index++) {
      const shingle = signed[index]!
      minimum0 = Math.min(minimum0, fmix32Signed(shingle ^ seed0) ^ 0x80000000)
      minimum1 = Math.min(minimum1, fmix32Signed(shingle ^ seed1) ^ 0x80000000)
      minimum2 = Math.min(minimum2, fmix32Signed(shingle ^ seed2) ^ 0x80000000)
      minimum3 = Math.min(minimum3, fmix32Signed(shingle ^ seed3) ^ 0x80000000)
    }
    result.set([minimum0 ^ 0x80000000, minimum1 ^ 0x80000000, minimum2 ^ 0x80000000, minimum3 ^ 0x80000000], group)
  }
  return padded === permutations ? result : result.slice(0, permutations)
}

/** Exact overlap of two sorted shingle sets. */
export function overlap(a: Uint32Array, b: Uint32Array): {jaccard: number; containedInB: number; containedInA: number} {
  let shared = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  const union = a.length + b.length - shared
  return {
    jaccard: union === 0 ? 0 : shared / union,
    containedInB: a.length === 0 ? 0 : shared / a.length,
    containedInA: b.length === 0 ? 0 : shared / b.length
  }
}
