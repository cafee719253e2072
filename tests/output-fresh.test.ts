/** The committed output/ always equals a fresh build of input/ (as `fixset build --check` verifies). */
import {expect, it} from 'vitest'
import {build} from '../src/build.js'
import {checkOutput} from '../src/write.js'
import {inputDir, outputDir} from './helpers/paths.js'

it('output/ is a fresh build of input/', async () => {
  const result = await build({input: inputDir, workers: 1})
  expect(await checkOutput(outputDir, result.files)).toEqual({stale: [], missing: [], extra: []})
})
