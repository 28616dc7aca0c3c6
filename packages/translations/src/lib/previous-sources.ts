import type {SanityClient} from '@sanity/client'
import {isRecord, sourceHash} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'

import {documentTranslationStatus, type TranslatableDocument} from './document-translation-status.ts'
import {findLocalizedFields, localizedValue} from './find-localized-fields.ts'
import {plainText} from './plain-text.ts'
import {findTranslationState, recordedSourceText} from './translation-state.ts'

/** The base-locale text a stale translation was made from, and where it was found. */
export interface PreviousSource {
  /** The old source as plain text ({@link plainText}). */
  text: string
  /** `translation-state`: the copy an import keeps beside the source hash; `history`: the dataset's history. */
  from: 'translation-state' | 'history'
}

/** Old sources of one locale's stale fields, by {@link previousSourceKey}. */
export type PreviousSources = ReadonlyMap<string, PreviousSource>

/** The key of a field in {@link PreviousSources}. */
export function previousSourceKey(documentId: string, field: string): string {
  return `${documentId}\u0000${field}`
}

/**
 * For every field of `documents` that is stale in `locale` because its source changed, the
 * source text it was translated from, found by the source hash recorded for it: first in the
 * copy kept in the locale's `translationState.sourceTexts` (imports write it, so it survives a
 * history that is gone, as on a hosted project past its retention), else in the history (the
 * History API's document as it was at the state's `translatedAt`, used only when its text has
 * the recorded hash). Fields whose old source is found nowhere are left out.
 */
export async function findPreviousSources(
  client: SanityClient,
  documents: Iterable<TranslatableDocument>,
  locale: string,
): Promise<Map<string, PreviousSource>> {
  const found = new Map<string, PreviousSource>()
  for (const document of documents) {
    const stale = (await documentTranslationStatus(document, {locales: [locale]})).filter(
      (status) => status.reason === 'source-changed' && status.recordedHash !== undefined,
    )
    if (stale.length === 0) continue
    const state = findTranslationState(document, locale)
    let then: TranslatableDocument | null | undefined
    for (const status of stale) {
      const copy = recordedSourceText(state, status.field, status.recordedHash!)
      if (copy !== undefined) {
        found.set(previousSourceKey(document._id, status.field), {text: copy, from: 'translation-state'})
        continue
      }
      if (then === undefined) then = typeof state?.translatedAt === 'string' ? await documentAt(client, document._id, state.translatedAt) : null
      const field = then === null ? undefined : findLocalizedFields(then).find((candidate) => candidate.path === status.field)
      const value = field === undefined ? undefined : localizedValue(field.items, baseLocale)
      if (value !== undefined && sourceHash(value) === status.recordedHash) {
        found.set(previousSourceKey(document._id, status.field), {text: plainText(value), from: 'history'})
      }
    }
  }
  return found
}

/** The document as the History API has it at `time`, or `null` when there is no history to ask. */
async function documentAt(client: SanityClient, id: string, time: string): Promise<TranslatableDocument | null> {
  const {dataset} = client.config()
  try {
    const answer = await client.request<{documents?: unknown[]}>({
      url: `/data/history/${dataset}/documents/${encodeURIComponent(id)}?time=${encodeURIComponent(time)}`,
    })
    const document = answer.documents?.[0]
    return isRecord(document) && typeof document._id === 'string' ? (document as TranslatableDocument) : null
  } catch {
    // No history (in-memory data, a plan without it, retention past, no permission): no old source.
    return null
  }
}
