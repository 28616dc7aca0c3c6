/**
 * One vocabulary: the translation states' words come from one table (`translationStates` of
 * `@treatments/content/ui-strings`), and the Studio, `pnpm translations`, the XLIFF notes and the
 * UI strings say exactly those words; no other source spells them out.
 */
import {copyFile, mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createUiStrings, type TranslationStateId, translationStates as states} from '@treatments/content/ui-strings'
import {
  buildXliff,
  documentTranslationStatus,
  formatStatusTable,
  markReviewedAvailability,
  markReviewedLabel,
  summarizeLocales,
  translationBadge,
  translationPanelModel,
  unitContent,
} from '@treatments/translations'
import ts from 'typescript'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {sampleDocument} from '../../packages/translations/src/test-support/documents.ts'
import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'
import {translationState, translationStatuses} from '../../studio/schemaTypes/objects/translationState.ts'
import {runScript} from './support/run-script.ts'

const ids = Object.keys(states) as TranslationStateId[]
const fieldStates = ['missing', 'stale', 'translated', 'reviewed'] as const

describe('the translation states table', () => {
  it('has one distinct word per state', () => {
    expect(ids).toEqual(['missing', 'needsTranslation', 'stale', 'translated', 'reviewed'])
    expect(new Set(ids.map((id) => states[id].word)).size).toBe(ids.length)
  })

  it('is not in the site’s UI strings, which no page shows it from', () => {
    for (const locale of ['en', 'it', 'de']) {
      const ui = createUiStrings(locale)
      expect(ui.i18n.exists('translationState')).toBe(false)
    }
  })
})

describe('the Studio says the table’s words', () => {
  it('in the badge, the panel and the review action', async () => {
    const fields = await documentTranslationStatus(await sampleDocument())
    const [it, de] = summarizeLocales(fields, ['it', 'de'])
    expect(translationBadge(it!)!.label).toBe(`it: 1 ${states.missing.word}, 2 ${states.stale.word}`)
    expect(translationBadge(de!)!.title).toBe(`Deutsch: 3 ${states.missing.word}, 1 ${states.translated.word} (of 4 fields)`)
    expect(translationBadge({...it!, missing: 0, stale: 0, translated: 4, reviewed: 0})!.label).toBe(`it: ${states.translated.word}`)
    expect(translationBadge({...it!, missing: 0, stale: 0, translated: 0, reviewed: 4})!.label).toBe(`it: ${states.reviewed.word}`)

    const [panel] = translationPanelModel(fields, ['it'])
    expect(panel!.headline.startsWith(`${states.needsTranslation.word}: `)).toBe(true)
    expect(panel!.items.map((item) => item.word)).toEqual([states.missing.word, states.stale.word, states.stale.word])

    expect(markReviewedLabel('it')).toBe(`Mark Italian ${states.reviewed.word}`)
    expect(markReviewedAvailability(await sampleDocument(), fields, 'de').title).toContain(`(1 field ${states.translated.word})`)
  })

  it('in the Translations tab: the status options and each language’s preview', () => {
    expect(translationStatuses.map((option) => [option.value, option.title])).toEqual([
      ['draft', states.needsTranslation.word],
      ['translated', states.translated.word],
      ['reviewed', states.reviewed.word],
    ])
    const prepare = translationState.preview!.prepare as (value: Record<string, unknown>) => {title: string; subtitle: string}
    expect(prepare({language: 'de', status: 'draft'})).toEqual({title: 'Deutsch (de)', subtitle: states.needsTranslation.word})
  })
})

describe('pnpm translations says the table’s words', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'vocabulary-'))
    await copyFile(defaultDatasetPath, join(directory, 'dataset.ndjson'))
  })
  afterAll(async () => {
    await rm(directory, {recursive: true, force: true})
  })

  it('in the status table’s columns and the help', async () => {
    const env = {CONTENT_DATASET: join(directory, 'dataset.ndjson')}
    const [status, help] = await Promise.all([runScript('translations.ts', ['status'], env), runScript('translations.ts', ['status', '--help'], env)])
    expect(status.code, status.stderr).toBe(0)
    expect(status.stdout.split('\n')[0]).toBe(`locale  complete  ${fieldStates.map((state) => states[state].word).join('  ')}  total`)
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(fieldStates.map((state) => states[state].word).join(', '))
    expect(formatStatusTable([]).split('\n')[0]).toBe(status.stdout.split('\n')[0])
  }, 60_000)

  it('in each XLIFF unit’s translationState note', async () => {
    const document = await sampleDocument()
    const source = 'A treatment.'
    const units = fieldStates.map((state, index) => ({
      field: `f${index}`,
      itemType: 'internationalizedArrayStringValue',
      state,
      sourceHash: 'sha256-x',
      content: unitContent(source)!,
    }))
    const xml = buildXliff({srcLang: 'en', trgLang: 'it', files: [{documentId: document._id, documentType: document._type, units}]})
    const notes = [...xml.matchAll(/<note category="translationState">([^<]*)<\/note>/g)].map((match) => match[1])
    expect(notes).toEqual(fieldStates.map((state) => states[state].word))
  })
})

describe('the READMEs say the table’s words', () => {
  it('in the root README’s list and the translations README’s table, in the table’s order', async () => {
    const root = await readFile(join(repoRoot, 'README.md'), 'utf8')
    const translations = await readFile(join(repoRoot, 'packages/translations/README.md'), 'utf8')
    const section = root.slice(root.indexOf('## Translations'))
    const listed = [...section.slice(0, section.indexOf('(one table in code')).matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1])
    expect(listed).toEqual(ids.map((id) => states[id].word))
    const table = translations.slice(translations.indexOf('| id | word | means |'))
    const rows = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((match) => [match[1], match[2]!.trim()])
    expect(rows).toEqual(ids.map((id) => [id, states[id].word]))
  })
})

describe('no copies of the words', () => {
  // Words only the table may spell out (the single words `missing`, `stale`, `reviewed` are also state ids).
  const copies = [states.translated.word, states.needsTranslation.word, 'awaiting review', 'Draft translation', 'outdated']

  it('in a string of the Studio, the translations package or the scripts', async () => {
    const found: string[] = []
    for (const file of await sourceFiles(['studio', 'packages/translations/src', 'scripts'])) {
      const source = ts.createSourceFile(file, await readFile(join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
          const copy = copies.find((word) => node.text.toLowerCase().includes(word.toLowerCase()))
          if (copy !== undefined) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: "${copy}"`)
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
    expect(found).toEqual([])
  })
})

/** The non-test TypeScript files under `roots` (relative to the repository root). */
async function sourceFiles(roots: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const root of roots) {
    for (const entry of await readdir(join(repoRoot, root), {recursive: true, withFileTypes: true})) {
      const path = join(entry.parentPath, entry.name).slice(repoRoot.length).replace(/^\//, '')
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || /(^|\/)(node_modules|dist|\.sanity)\//.test(path)) continue
      files.push(path)
    }
  }
  return files
}
