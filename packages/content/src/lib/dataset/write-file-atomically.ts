/**
 * Replaces `file` with `contents` atomically (Node only): writes a temporary file beside it,
 * flushes it to disk, renames it over `file`, then flushes the directory entry, so a crash
 * leaves either the old or the new contents, never a torn file. On failure the temporary file
 * is removed and `file` is untouched. Temporary files are named `.<name>.<pid>.<random>.tmp`
 * (see {@link temporaryFilePattern}) so a later start can remove those a killed writer left.
 *
 * @public
 */
export async function writeFileAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const [{randomBytes}, {open, rename, rm}, {basename, dirname, join}] = await Promise.all([
    import('node:crypto'),
    import('node:fs/promises'),
    import('node:path'),
  ])
  const directory = dirname(file)
  const temporary = join(directory, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temporary, 'wx', 0o644)
    try {
      await handle.writeFile(contents)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true}).catch(() => {})
    throw namingTarget(error, temporary, file)
  }
  try {
    const handle = await open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is done.
  }
}

/**
 * A failure while writing the temporary file or renaming it over `file` concerns `file` (its
 * directory is missing, it is a directory): the error names `file`, which the caller gave, not
 * the temporary name the caller never saw.
 */
function namingTarget(error: unknown, temporary: string, file: string): unknown {
  const failure = error as NodeJS.ErrnoException & {dest?: string}
  if (failure === null || typeof failure !== 'object' || failure.path !== temporary) return error
  failure.path = file
  delete failure.dest
  if (typeof failure.message === 'string') failure.message = failure.message.replace(`'${temporary}' -> '${file}'`, `'${file}'`).replaceAll(temporary, file)
  return failure
}

/**
 * Matches the temporary files {@link writeFileAtomically} makes for `fileName`, with the
 * writer's process id in group 1.
 *
 * @public
 */
export function temporaryFilePattern(fileName: string): RegExp {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^\\.${escaped}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`)
}
