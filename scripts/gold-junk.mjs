#!/usr/bin/env node
// Share of the gold junk strings (../shared/gold/dev/*.json `junk`) left in a build's Markdown, and keep strings lost.
// Strings are compared on their letters and digits only; junk against the text without link targets, keep against all of it (keep strings include image file names). Usage: node scripts/gold-junk.mjs OUTPUT_DIR [GOLD_DIR]
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

const [output, gold = '/work/shared/gold/dev'] = process.argv.slice(2)
const folder = join(output, 'fixsets')
const bySource = new Map()
for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.json'))) {
  const fixSet = JSON.parse(readFileSync(join(folder, name), 'utf8'))
  const markdown = readFileSync(join(folder, name.replace(/\.json$/, '.md')), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
  for (const source of fixSet.sources ?? []) bySource.set(typeof source === 'string' ? source : source.path, markdown)
}
// Link and image targets are left out: a junk title must not count as left because a kept link's URL spells it.
const withoutTargets = (markdown) => markdown.replace(/\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, ']')
const letters = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
let junk = 0
let junkLeft = 0
let keep = 0
let keepLost = 0
const left = []
const lost = []
for (const name of readdirSync(gold).filter((entry) => entry.endsWith('.json')).sort()) {
  const annotation = JSON.parse(readFileSync(join(gold, name), 'utf8'))
  const markdown = bySource.get(annotation.path)
  if (markdown === undefined) {
    console.error(`no fix set for ${annotation.path}`)
    continue
  }
  const text = letters(withoutTargets(markdown))
  const full = letters(markdown)
  for (const string of annotation.junk ?? []) {
    junk++
    if (text.includes(letters(string))) {
      junkLeft++
      left.push(`${annotation.path}: ${string}`)
    }
  }
  for (const string of annotation.keep ?? []) {
    keep++
    if (!full.includes(letters(string))) {
      keepLost++
      lost.push(`${annotation.path}: ${string}`)
    }
  }
}
console.log(JSON.stringify({junk, junkLeft, junkLeftShare: +(junkLeft / junk).toFixed(3), keep, keepLost, left, lost}, null, 1))
