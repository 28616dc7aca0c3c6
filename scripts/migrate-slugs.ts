/**
 * `pnpm migrate:slugs [FILE]`: gives the treatments of an NDJSON dataset their Italian and
 * German slugs (see scripts/lib/migrate-slugs.ts). All or nothing: the file is replaced by one
 * atomic write, or left as it was; a second run finds nothing to do and does not write.
 */
import {writeFileAtomically} from '@treatments/content/dataset'
import {readUserFile, runCli} from './lib/cli.ts'
import {migrateSlugs, shippedSlugs, SlugMigrationError} from './lib/migrate-slugs.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm migrate:slugs [FILE.ndjson]

Gives each treatment its own slug in every locale the migration knows one for (the shipped
mesotherapy page: mesoterapia-cellulite, mesotherapie-cellulite), where it has none yet; a slug
an editor set is kept. Refuses (and writes nothing) when two treatments would share a slug in a
locale. The file is replaced atomically, and only when something changed: running it again
changes nothing.

Default FILE: content/dataset.ndjson (relative paths start from the directory you run it in).

Options:
  --debug      show stack traces
  -h, --help   show this help

Exit code: 0 migrated or nothing to do, 1 failed, 2 bad command line.`

await runCli(
  {name: 'migrate:slugs', usage: USAGE, positionals: true, explain: (error) => (error instanceof SlugMigrationError ? error.message : undefined)},
  async ({positionals, path, display}) => {
    const file = positionals[0] === undefined ? defaultDatasetPath : path(positionals[0])
    const before = await readUserFile(file)
    const {ndjson, changed} = migrateSlugs(before, shippedSlugs)
    if (changed.length === 0) {
      console.log(`migrate:slugs: ${display(file)} already has its localized slugs; nothing changed`)
      return
    }
    await writeFileAtomically(file, ndjson)
    console.log(`migrate:slugs: ${display(file)}: localized slugs given to ${changed.join(', ')}`)
  },
)
