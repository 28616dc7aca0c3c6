/**
 * `pnpm mutation`: mutation testing of the safety-critical modules with StrykerJS (configured in
 * stryker.config.mjs). Runs the modules asked for (default: all), writes Stryker's reports to
 * reports/mutation/ and prints the score of each module, equivalent mutants excluded.
 */
import {execFileSync} from 'node:child_process'
import {glob, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {Stryker} from '@stryker-mutator/core'

import {CliError, UsageError, parsePositiveInteger, runCli} from './lib/cli.ts'
import {equivalentKey, markEquivalent, readJudgedCode, type EquivalentMutant} from './lib/equivalent-mutants.ts'
import type {MutationReport} from './lib/mutation-report.ts'
import {formatScores, inPatterns, moduleScores} from './lib/mutation-scores.ts'
import {repoRoot} from './lib/paths.ts'

const USAGE = `Usage: pnpm mutation [--module NAME ...] [--since REF] [--incremental] [--concurrency N] [--accept-equivalents]

Mutates the safety-critical modules one change at a time and runs the tests that cover each
change (StrykerJS with its vitest runner); a change no test notices "survives". Prints progress,
then the score of each module: killed and timed-out mutants of all, equivalent ones (listed in
stryker.config.mjs with their reason) excluded. Writes reports/mutation/mutation.json and
reports/mutation/mutation.html. Not part of pnpm test: a full run takes hours on two cores.

Options:
  --module NAME     only this module; repeatable (default: all). Modules: MODULES
  --since REF       only the files of those modules changed since REF (git), e.g. main
  --incremental     reuse the results of the last run of the same modules for code and tests
                    that did not change (reports/mutation/incremental/<modules>.json)
  --concurrency N   test runners at once (default: 2)
  --accept-equivalents
                    record, for each equivalent mutant listed in stryker.config.mjs, the code
                    it now changes (stryker.equivalents.json), after you judged again the ones
                    the run says moved
  -h, --help        show this help

Exit code: 0 run finished, 1 Stryker failed, 2 bad command line.`

const config = (await import(join(repoRoot, 'stryker.config.mjs'))) as {
  modules: Record<string, {mutate: string[]; tests: string[]}>
  equivalentMutants: EquivalentMutant[]
  testFilesOf: (selected: Array<{tests: string[]}>) => string[]
}

await runCli(
  {
    name: 'mutation',
    usage: USAGE.replace('MODULES', Object.keys(config.modules).join(', ')),
    options: {
      module: {type: 'string', multiple: true},
      since: {type: 'string'},
      incremental: {type: 'boolean'},
      concurrency: {type: 'string'},
      'accept-equivalents': {type: 'boolean'},
    },
  },
  async ({values}) => {
    const names = values.module ?? Object.keys(config.modules)
    for (const name of names) {
      if (!(name in config.modules)) throw new UsageError(`--module must be one of ${Object.keys(config.modules).join(', ')}; got "${name}"`)
    }
    const modules = Object.fromEntries(names.map((name) => [name, config.modules[name]!.mutate]))
    const testFiles = config.testFilesOf(names.map((name) => config.modules[name]!))
    let mutate = Object.values(modules).flat()
    if (values.since !== undefined) {
      const changed = new Set(changedFiles(values.since))
      const files: string[] = []
      for (const pattern of mutate.filter((entry) => !entry.startsWith('!'))) {
        for await (const file of glob(pattern, {cwd: repoRoot})) if (changed.has(file) && inPatterns(file, mutate)) files.push(file)
      }
      if (files.length === 0) {
        console.log(`mutation: no file of ${names.join(', ')} changed since ${values.since}; nothing to mutate`)
        return 0
      }
      mutate = files
    }
    const concurrency = values.concurrency === undefined ? undefined : parsePositiveInteger(values.concurrency, '--concurrency')
    // Read before the run, so a damaged file stops it now and not after many minutes.
    const judgedFile = join(repoRoot, 'stryker.equivalents.json')
    const judged = await readJudgedCode(judgedFile)
    const stryker = new Stryker({
      configFile: join(repoRoot, 'stryker.config.mjs'),
      mutate,
      testFiles,
      // One file per set of modules: a run of another module would replace the results this one reuses.
      incrementalFile: `reports/mutation/incremental/${values.module === undefined ? 'all' : [...new Set(names)].sort().join('+')}.json`,
      ...(values.incremental ? {incremental: true} : {}),
      ...(concurrency === undefined ? {} : {concurrency}),
    })
    const started = performance.now()
    await stryker.runMutationTest()
    const reportFile = join(repoRoot, 'reports/mutation/mutation.json')
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as MutationReport
    const {stale, ambiguous, changed, code} = markEquivalent(report, config.equivalentMutants, values['accept-equivalents'] ? {} : judged)
    await writeFile(reportFile, JSON.stringify(report))
    // The code of each entry: kept for entries this run did not reach, added for new ones, and
    // replaced for moved ones only when asked to (--accept-equivalents).
    const listed = new Set(config.equivalentMutants.map(equivalentKey))
    const recorded = Object.fromEntries(
      Object.entries({...judged, ...code})
        .filter(([key]) => listed.has(key))
        .sort(([a], [b]) => a.localeCompare(b)),
    )
    if (JSON.stringify(recorded) !== JSON.stringify(judged)) await writeFile(judgedFile, `${JSON.stringify(recorded, null, 2)}\n`)
    console.log(`\nmutation: ${((performance.now() - started) / 60_000).toFixed(1)} minutes; scores (killed and timed out of all, equivalent excluded):\n`)
    console.log(formatScores(moduleScores(report, modules)))
    for (const entry of stale) console.log(`warning: equivalent mutant ${equivalentKey(entry)} no longer survives; remove it from stryker.config.mjs`)
    for (const {entry, columns} of ambiguous) {
      console.log(`warning: equivalent mutant ${equivalentKey(entry)} matches ${columns.length} survivors (columns ${columns.join(', ')}), counted as survived: list each with its \`column\` (and \`endColumn\`, \`replacement\`) in stryker.config.mjs`)
    }
    for (const {entry, judged: was, now} of changed) {
      console.log(`warning: equivalent mutant ${equivalentKey(entry)} now changes ${JSON.stringify(now)}, not ${JSON.stringify(was)} it was judged on (the code moved), counted as survived: judge it again, fix its line in stryker.config.mjs, then run with --accept-equivalents`)
    }
    return 0
  },
)

/** Files changed between `ref` and the work tree (committed or not), relative to the root. */
function changedFiles(ref: string): string[] {
  try {
    const committed = execFileSync('git', ['diff', '--name-only', `${ref}...HEAD`], {cwd: repoRoot, encoding: 'utf8'})
    const uncommitted = execFileSync('git', ['diff', '--name-only', 'HEAD'], {cwd: repoRoot, encoding: 'utf8'})
    return `${committed}\n${uncommitted}`.split('\n').filter(Boolean)
  } catch (error) {
    throw new CliError(`--since ${ref}: git cannot compare with it (${(error as Error).message.split('\n')[0]})`)
  }
}
