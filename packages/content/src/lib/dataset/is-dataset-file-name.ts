/**
 * Whether a file name found in a directory is a dataset: it ends in `.ndjson` and is not hidden.
 * The files a dataset keeps beside it all start with a dot (the lake's history log
 * `.<name>.history.ndjson`, its lock `.<name>.lock`, the atomic writer's `.<name>.<pid>.<random>.tmp`),
 * so a tool that reads "every dataset in `content/`" never reads them as documents. This is the
 * one rule for the lake's dataset directory and `content:check`'s default files.
 *
 * @param name - a file name (not a path)
 * @public
 */
export function isDatasetFileName(name: string): boolean {
  return name.endsWith('.ndjson') && !name.startsWith('.')
}
