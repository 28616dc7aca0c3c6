import {documentTranslationStatus, type FieldStatus, type TranslatableDocument} from '@treatments/translations'
import {useEffect, useState} from 'react'

/** Status computations by document value, shared by the badges, the panel and the actions. */
const computed = new WeakMap<object, Promise<FieldStatus[]>>()

/**
 * The translation status of every localized field of `document` (a draft, version or published
 * snapshot, or the form value), computed with the same function as `pnpm translations status`.
 * Hashing is asynchronous (Web Crypto), so the first render gets `undefined`; later renders keep
 * the previous result of the same document until the new one is ready.
 */
export function useTranslationStatus(document: unknown): FieldStatus[] | undefined {
  const [result, setResult] = useState<{id: string; fields: FieldStatus[]}>()
  const candidate = isDocument(document) ? document : undefined
  useEffect(() => {
    if (candidate === undefined) return undefined
    let current = true
    let promise = computed.get(candidate)
    if (promise === undefined) {
      promise = documentTranslationStatus(candidate).catch(() => [])
      computed.set(candidate, promise)
    }
    void promise.then((fields) => {
      if (current) setResult({id: candidate._id, fields})
    })
    return () => {
      current = false
    }
  }, [candidate])
  return candidate !== undefined && result?.id === candidate._id ? result.fields : undefined
}

function isDocument(value: unknown): value is TranslatableDocument {
  return typeof value === 'object' && value !== null && typeof (value as {_id?: unknown})._id === 'string' && typeof (value as {_type?: unknown})._type === 'string'
}
