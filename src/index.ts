/**
 * fixset as a library.
 *
 * - `build(options)`: run the pipeline over a folder and get the fix sets,
 *   manifest, diagnostics and every output file's content, without writing;
 *   `writeOutput(folder, result.files)` writes them atomically.
 * - `buildInto(sink, options)`: the same, each file handed to a sink as it is
 *   made (`openOutput(folder)` streams into a folder swapped in on `commit()`),
 *   so memory does not grow with the output.
 * - The cleaning rules as unified plugins, for your own remark pipelines.
 * - The fix-set types and the zod schemas the output is validated with.
 */
export {build, buildInto, type BuildOptions, type BuildReport, type BuildResult} from './build.js'
export {writeOutput, checkOutput, openOutput, openCheck, memorySink, type CheckResult, type OutputSink, type OutputWriter} from './write.js'
export {defaultConfig, type Config, type Limits, type MarkerPair, type CommentPair, type LinePair, type Scoped, type PatternRule, type DedupeConfig, type FieldKeys, type RecurringConfig, type TrackingParameter} from './config.js'
export {loadConfig, parseConfig, configFromObject, ConfigSchema, type ConfigInput} from './config-file.js'
export {processFile, scanFile, renderFile, type AcceptedFile, type FileResult, type RejectedFile} from './process-file.js'
export type {Diagnostic, Change, Severity} from './diagnostics.js'
export * from './stages/clean/index.js'
export {stripMarkedRanges, type StripResult} from './stages/strip.js'
export {
  FixSetSchema,
  FixSchema,
  IndexSchema,
  ManifestSchema,
  jsonSchemas,
  type FixSet,
  type IndexFile,
  type Manifest,
  type ManifestFile,
  type ManifestRow
} from './schema.js'
export {diffOutputs, formatMarkdown as formatDiffMarkdown, formatText as formatDiffText, type DiffReport} from './diff.js'
