/**
 * Gives back the memory loading a dataset left behind, when the process runs with `--expose-gc`
 * (`pnpm lake` and `pnpm studio` do); without it, does nothing.
 *
 * Loading leaves two things resident that an idle lake never returns on its own: the garbage of
 * parsing (every line's text, strings replaced by shared copies) and the young generation, which
 * V8 grows to its largest (about 134 MB committed at 100,000 documents, 34 MB at 2,000) because
 * everything a load allocates survives. A regular full collection frees the garbage but keeps the
 * young generation at that size; V8's memory-reducing ("last resort") collection also shrinks it
 * (to 1 MB; it grows again under load as needed) and compacts the old generation. At 100,000
 * documents (a 183 MB file) resident memory after the first answers: 508-513 MB with a regular
 * collection, 353-364 MB with this one, which takes 416-437 ms instead of 129-187 ms (and a
 * regular one after it, below).
 */
export function compactAfterLoad(): void {
  const collect = (globalThis as {gc?: (options: GcOptions) => void}).gc
  if (typeof collect !== 'function') return
  collect({type: 'major', execution: 'sync', flavor: 'last-resort'})
  // The memory-reducing collection also sets V8's next limit for the old generation as tight as
  // it goes, so the first megabytes that serving promotes started a major collection, whose
  // marking (on helper threads, taking the cores the clients share) held the load bench's p99 at
  // 7-22x the control server's. A regular collection right after sets the limit as usual.
  collect({type: 'major', execution: 'sync', flavor: 'regular'})
}

/** The options V8's `gc()` extension takes (`flavor` is V8's, not in Node's typings). */
interface GcOptions {
  type: 'major' | 'minor'
  execution: 'sync' | 'async'
  flavor: 'regular' | 'last-resort'
}
