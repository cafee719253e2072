import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const inputDir = path.join(root, 'input')
export const outputDir = path.join(root, 'output')
export const cliPath = path.join(root, 'dist/cli.js')
/** The shared real corpus, used by path and never copied into the repository. */
export const corpusDir = path.resolve(root, '../shared/corpus/raw')
export const clustersPath = path.resolve(root, '../shared/corpus/clusters.json')
export const hasCorpus = existsSync(corpusDir)
export const seedNames = ['000_ba80a36ccb69341f.txt', '001_aecc30d4efa8a273.txt'] as const
/** The web clippings corpus of other sites (issue 18), by path. */
export const webclipsDir = path.resolve(root, '../shared/corpus-webclips')
export const hasWebclips = existsSync(path.join(webclipsDir, 'raw'))
