import type {DatasetDocument} from '@treatments/content/dataset'

/**
 * How one committed change turned the documents of generation `generation - 1` into those of
 * `generation`: the documents it wrote, each at its index in the new order, and the ids it
 * removed. The documents it did not touch keep their order. A query worker's copy follows the
 * dataset with these instead of a copy of every document.
 */
export interface DatasetDelta {
  generation: number
  upserts: Array<{index: number; document: DatasetDocument}>
  removed: string[]
}
