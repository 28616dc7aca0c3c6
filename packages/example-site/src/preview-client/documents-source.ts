import type {ContentSource} from '@treatments/content/browser'
import {GroqRunner, type DatasetDocument} from '@treatments/content/dataset'

/**
 * A content source over documents held in the page: the drafts view the Studio sent (each
 * document once, under its published id, with the form's unsaved edits laid over it). The
 * package's own queries run on it with the package's own runner, so the page is read exactly as
 * the server reads it from the lake.
 */
export function documentsSource(documents: readonly DatasetDocument[]): ContentSource {
  const runner = new GroqRunner()
  return {
    fetch: async <R>(query: string, params: Record<string, unknown>) => (await runner.run(query, params, documents)) as R,
  }
}
