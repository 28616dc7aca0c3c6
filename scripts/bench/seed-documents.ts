import {readNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {defaultDatasetPath} from '../lib/paths.ts'

/** The seed dataset's documents. */
export function seedDocuments(): Promise<DatasetDocument[]> {
  return readNdjson(defaultDatasetPath)
}

/**
 * The seed plus `count - 1` copies of its treatment under new ids and slugs, sharing the seed's
 * referenced documents: a dataset of `count` full treatment pages.
 */
export function withTreatmentCopies(seed: readonly DatasetDocument[], count: number): DatasetDocument[] {
  const treatment = seed.find((document) => document._type === 'treatment')
  if (!treatment) throw new Error('The seed dataset has no treatment')
  const copies: DatasetDocument[] = []
  for (let index = 1; index < count; index++) {
    const suffix = String(index).padStart(5, '0')
    copies.push({...treatment, _id: `${treatment._id}-${suffix}`, slug: {_type: 'slug', current: `treatment-${suffix}`}})
  }
  return [...seed, ...copies]
}
