/**
 * `pnpm typegen` (its last step): writes packages/content/src/generated/sent-queries.ts, the
 * package's queries as it sends them (`scripts/lib/sent-queries.ts`).
 */
import {runCli} from './lib/cli.ts'
import {sentQueriesPath, writeSentQueries} from './lib/sent-queries.ts'

const USAGE = `Usage: node scripts/sent-queries.ts

Writes ${sentQueriesPath}: the package's queries without their layout, as they are sent
(\`pnpm typegen\` runs it; \`pnpm schema:check\` fails when the file is stale).

Options:
  --debug     show stack traces
  -h, --help  show this help`

await runCli({name: 'typegen', usage: USAGE}, async () => {
  await writeSentQueries()
  return 0
})
