import {readNdjson, sourceHash, type DatasetDocument} from '@treatments/content/dataset'
import {findLocalizedFields, localizedValue} from '@treatments/translations'
import {defaultDatasetPath} from '../lib/paths.ts'

/** The seed dataset's documents. */
export function seedDocuments(): Promise<DatasetDocument[]> {
  return readNdjson(defaultDatasetPath)
}

/** Options of {@link withTreatmentCopies}. */
export interface TreatmentCopyOptions {
  /**
   * Make each copy a deep copy whose every localized text differs (a ` #00042` suffix on each
   * string value and each Portable Text span), as in a real clinic, where no two treatments
   * share a title, a body or a claim. Without it copies share the seed's field objects, which
   * would let any per-object or per-text cache of treatment fields hit on every page. The
   * referenced documents (ingredients, side effects, contraindications…) stay shared: a clinic's
   * treatments do reference the same ones. The translation states record the source hashes of
   * the new English texts, as the translation tools would: the copies' translations are current,
   * as most of a real clinic's are, and not stale because the bench edited their English. Default false.
   */
  distinctTexts?: boolean
}

/**
 * The seed plus `count - 1` copies of its treatment under new ids and slugs, sharing the seed's
 * referenced documents: a dataset of `count` full treatment pages.
 */
export function withTreatmentCopies(seed: readonly DatasetDocument[], count: number, options: TreatmentCopyOptions = {}): DatasetDocument[] {
  const treatment = seed.find((document) => document._type === 'treatment')
  if (!treatment) throw new Error('The seed dataset has no treatment')
  const copies: DatasetDocument[] = []
  for (let index = 1; index < count; index++) {
    const suffix = String(index).padStart(5, '0')
    const fields = options.distinctTexts ? withTextSuffix(structuredClone(treatment), ` #${suffix}`) : treatment
    copies.push({...fields, _id: `${treatment._id}-${suffix}`, slug: {_type: 'slug', current: `treatment-${suffix}`}})
  }
  return [...seed, ...copies]
}

/**
 * Appends `suffix` to every localized text of a treatment (items `{language, value}`), in place,
 * and records the new English texts' source hashes in its translation states.
 */
function withTextSuffix(treatment: DatasetDocument, suffix: string): DatasetDocument {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (record._type === 'span' && typeof record.text === 'string') record.text += suffix
    else if (typeof record.language === 'string' && 'value' in record && typeof record.value === 'string') record.value += suffix
    for (const key in record) if (key !== 'translations') visit(record[key])
  }
  visit(treatment)
  const english = new Map(findLocalizedFields(treatment).map((field) => [field.path, localizedValue(field.items, 'en')]))
  for (const state of (treatment.translations ?? []) as Array<{sourceHashes?: Array<{field: string; hash: string}>}>) {
    for (const entry of state.sourceHashes ?? []) if (english.get(entry.field) !== undefined) entry.hash = sourceHash(english.get(entry.field))
  }
  return treatment
}
