import {findSlugClashes, localeIds} from '@treatments/content/locales'
import {publishedIdOf, slugSourceOf} from '@treatments/studio/rules'

/** Each locale's own slug to give a treatment, by its base-locale slug. */
export type SlugTable = Readonly<Record<string, Readonly<Record<string, string>>>>

/** The shipped treatments' Italian and German slugs. */
export const shippedSlugs: SlugTable = {
  'mesotherapy-cellulite': {it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'},
}

/** A migration that would leave two treatments with one slug in a locale: nothing is written. */
export class SlugMigrationError extends Error {
  readonly code = 'SLUG_MIGRATION_CLASH'
  constructor(message: string) {
    super(message)
    this.name = 'SlugMigrationError'
  }
}

/**
 * Gives each treatment (published, draft or version) the locale slugs `table` lists for its
 * base-locale slug, where it has none of its own yet: a slug an editor set is never replaced,
 * so a second run changes nothing. Works on the NDJSON text line by line and returns it with
 * only the changed lines rewritten (`localizedSlugs` right after `slug`), and the ids changed.
 *
 * @throws {SlugMigrationError} When the result would have two treatments with one slug in a
 *   locale (then the caller writes nothing).
 */
export function migrateSlugs(ndjson: string, table: SlugTable): {ndjson: string; changed: string[]} {
  const changed: string[] = []
  const treatments: Array<Record<string, unknown>> = []
  const lines = ndjson.split('\n').map((line) => {
    if (line.trim() === '') return line
    const document = JSON.parse(line) as Record<string, unknown>
    if (document._type !== 'treatment') return line
    const migrated = withLocaleSlugs(document, table)
    treatments.push(migrated ?? document)
    if (migrated === undefined) return line
    changed.push(String(document._id))
    return JSON.stringify(migrated)
  })
  // Per published page: a draft shares its published document's slugs.
  const clashes = findSlugClashes(treatments.flatMap((treatment) => slugSourceOf(treatment) ?? []))
  if (clashes.length > 0) {
    const {locale, slug, ids} = clashes[0]!
    throw new SlugMigrationError(`the migration would give ${ids.join(' and ')} the slug “${slug}” in ${locale}; nothing was written`)
  }
  return {ndjson: lines.join('\n'), changed}
}

/** `document` with the table's slugs for the locales it has no own slug in, or `undefined` when none is added. */
function withLocaleSlugs(document: Record<string, unknown>, table: SlugTable): Record<string, unknown> | undefined {
  const base = (document.slug as {current?: unknown} | undefined)?.current
  const wanted = typeof base === 'string' ? table[base] : undefined
  if (wanted === undefined) return undefined
  const items = Array.isArray(document.localizedSlugs) ? (document.localizedSlugs as Array<{language?: unknown}>) : []
  const has = new Set(items.map((item) => item?.language))
  const added = localeIds.flatMap((locale) =>
    wanted[locale] !== undefined && !has.has(locale) ? [{_key: locale, _type: 'internationalizedArrayStringValue', language: locale, value: wanted[locale]}] : [],
  )
  if (added.length === 0) return undefined
  // `localizedSlugs` right after `slug`, as the Studio lists the fields.
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(document)) {
    if (key === 'localizedSlugs') continue
    out[key] = value
    if (key === 'slug') out.localizedSlugs = [...items, ...added]
  }
  return out
}
