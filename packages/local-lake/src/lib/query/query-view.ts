import {type DatasetDocument, indexDocuments} from '@treatments/content/dataset'

import {applyPerspective} from './apply-perspective.ts'
import type {QueryView} from './groq-runner.ts'
import type {Perspective} from './perspective.ts'

/** The documents a query sees under `perspective`, with their id index (the dataset core's, one per array). */
export function queryViewOf(documents: readonly DatasetDocument[], perspective: Perspective): QueryView {
  const visible = applyPerspective(documents, perspective)
  return {documents: visible, byId: indexDocuments(visible).byId}
}
