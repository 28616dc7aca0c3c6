/**
 * `pnpm migrate:slugs [FILE]`: gives the treatments of an NDJSON dataset their Italian and
 * German slugs (see scripts/lib/migrate-slugs.ts). All or nothing: the file is replaced by one
 * atomic write, or left as it was; a second run finds nothing to do and does not write. Never
 * under a running local lake (which would undo it), and holding the file's lock while it works.
 */
import {isDatasetFileError, parseNdjson, writeFileAtomically} from '@treatments/content/dataset'
import {DatasetLock, isLocalLakeError} from '@treatments/local-lake'
import {CliError, readUserFile, runCli, UsageError} from './lib/cli.ts'
import {datasetOwner, describeOwner} from './lib/dataset-owner.ts'
import {migrateSlugs, shippedSlugs, SlugMigrationError} from './lib/migrate-slugs.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm migrate:slugs [FILE.ndjson]

Gives each treatment its own slug in every locale the migration knows one for (the shipped
mesotherapy page: mesoterapia-cellulite, mesotherapie-cellulite), where it has none yet; a slug
an editor set is kept. Refuses (and writes nothing) when two treatments would share a slug in a
locale. The file is replaced atomically, and only when something changed: running it again
changes nothing. Refuses a file a running local lake serves (stop the lake first: it holds the
dataset in memory and would write its own copy over the migration); the lake records the change
in its history log, as made outside it, when it next starts.

Default FILE: content/dataset.ndjson (relative paths start from the directory you run it in).

Options:
  --debug      show stack traces
  -h, --help   show this help

Exit code: 0 migrated or nothing to do, 1 failed, 2 bad command line.`

await runCli(
  {
    name: 'migrate:slugs',
    usage: USAGE,
    positionals: true,
    explain: (error) => (error instanceof SlugMigrationError || isDatasetFileError(error) || isLocalLakeError(error) ? error.message : undefined),
  },
  async ({positionals, path, display}) => {
    if (positionals.length > 1) throw new UsageError(`takes one dataset file, got ${positionals.length}: ${positionals.join(' ')}`)
    const file = positionals[0] === undefined ? defaultDatasetPath : path(positionals[0])
    // Read once before locking, so a missing or unreadable file is named as such.
    await readUserFile(file)
    const refuseOwned = async () => {
      const owner = await datasetOwner(file)
      if (owner === undefined) return
      throw new CliError(
        `${display(file)} is in use by ${describeOwner(owner)}, which holds the dataset in memory and writes the whole file on its next change; ` +
          'stop it, then run migrate:slugs again. Nothing was written',
      )
    }
    await refuseOwned()
    // Held from the read to the write: a lake started meanwhile would load the file before the
    // migration and write its own copy over it.
    const lock = await DatasetLock.acquire(file, {command: 'pnpm migrate:slugs', server: false, token: ''}).catch(async (error: unknown) => {
      await refuseOwned()
      throw error
    })
    try {
      const before = await readUserFile(file)
      // Every line a dataset document, or one line naming the first that is not.
      parseNdjson(before, display(file))
      const {ndjson, changed} = migrateSlugs(before, shippedSlugs)
      if (changed.length === 0) {
        console.log(`migrate:slugs: ${display(file)} already has its localized slugs; nothing changed`)
        return
      }
      await writeFileAtomically(file, ndjson)
      console.log(`migrate:slugs: ${display(file)}: localized slugs given to ${changed.join(', ')}`)
    } finally {
      await lock.release()
    }
  },
)
