import type {HistoryEntry} from './history-log.ts'
import type {DatasetDocument} from '@treatments/content/dataset'

/** One version of a document in the history log. */
export interface DocumentVersion {
  /** The document (`null`: deleted by this entry). */
  document: DatasetDocument | null
  /** When this version came to be (the entry's time; for the first, its `_updatedAt`). */
  timestamp: string
  /** The entry that made it (`undefined` for the version the log found before its first entry). */
  entry: HistoryEntry | undefined
}

/**
 * Every version of document `id` the log knows, oldest first: the state before its first
 * logged change (when the log recorded one), then the outcome of each entry that changed it.
 * A document the log never saw has one version: `current`.
 */
export function documentVersions(
  entries: readonly HistoryEntry[],
  id: string,
  current: DatasetDocument | undefined,
): DocumentVersion[] {
  const versions: DocumentVersion[] = []
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (change.id !== id) continue
      if (versions.length === 0 && change.before !== undefined && change.before !== null) {
        versions.push({document: change.before, timestamp: change.before._updatedAt ?? change.before._createdAt ?? entry.timestamp, entry: undefined})
      }
      versions.push({document: change.after, timestamp: entry.timestamp, entry})
    }
  }
  if (versions.length === 0 && current !== undefined) {
    versions.push({document: current, timestamp: current._updatedAt ?? current._createdAt ?? '', entry: undefined})
  }
  return versions
}

/** The version with revision `revision`, if any. */
export function versionByRevision(versions: readonly DocumentVersion[], revision: string): DocumentVersion | undefined {
  return versions.findLast((version) => version.document?._rev === revision)
}

/** The version current at `time` (the last one made at or before it), if any. */
export function versionAtTime(versions: readonly DocumentVersion[], time: number): DocumentVersion | undefined {
  return versions.findLast((version) => Date.parse(version.timestamp) <= time)
}

/** The newest version that is a document (for a deleted document: as it was before deletion). */
export function lastRevision(versions: readonly DocumentVersion[]): DocumentVersion | undefined {
  return versions.findLast((version) => version.document !== null)
}
