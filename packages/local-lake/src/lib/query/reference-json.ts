import type {DatasetDocument, ReferenceProjections} from '@treatments/content/dataset'

import {answerTooLarge} from '../http/send-json.ts'

/** Parameter sets (locale chains) whose projections one dataset state keeps. */
const MAX_PARAMETER_SETS = 16
/**
 * How deep the answer is walked to find a kept projection (`[page].ingredients[i].ingredient`
 * is at 4); below that, and for everything not kept, `JSON.stringify` writes whole values.
 */
const MAX_DEPTH = 4

/** An answer as UTF-8 bytes: the parts in order and their total length. */
export interface EncodedAnswer {
  parts: readonly Uint8Array[]
  bytes: number
}

const byDocuments = new WeakMap<readonly DatasetDocument[], ReferenceJson>()

/**
 * What page answers over one dataset state share: the projection of each referenced document
 * (ingredients, effects, side effects, contraindications, conditions: a clinic's treatments
 * reference the same ones) per parameter set, and those projections' JSON, serialized and
 * encoded once. Why: serializing and encoding a page answer (about 25 kB, with characters past
 * Latin-1, so a slow two-byte transcoding) was most of the lake's CPU per page read.
 *
 * Kept per `documents` array: every committed change makes a new one (the store's views), so
 * nothing kept outlives a write; the arrays of older states take what they kept with them.
 * Answers are written exactly as `JSON.stringify` writes them.
 */
export class ReferenceJson {
  readonly #projections = new Map<string, ReferenceProjections>()
  /** The projections made so far, and how many, so that new ones are found without a walk per answer. */
  readonly #kept = new WeakSet<object>()
  readonly #counted = new WeakMap<ReferenceProjections, number>()
  readonly #json = new WeakMap<object, Uint8Array>()

  /** The one for `documents`. */
  static of(documents: readonly DatasetDocument[]): ReferenceJson {
    let found = byDocuments.get(documents)
    if (found === undefined) byDocuments.set(documents, (found = new ReferenceJson()))
    return found
  }

  /**
   * The projections to keep for answers with `params` (everything but the slug decides a
   * referenced document's projection); at most {@link MAX_PARAMETER_SETS} sets are kept, then
   * they start over. Parameters JSON cannot tell apart (`Infinity` is written `null`) get
   * projections of their own, not kept.
   */
  projectionsFor(params: Record<string, unknown>): ReferenceProjections {
    let key: string
    try {
      key = JSON.stringify({...params, slug: null}, refuseNonFinite)
    } catch {
      return new Map()
    }
    let projections = this.#projections.get(key)
    if (projections === undefined) {
      if (this.#projections.size >= MAX_PARAMETER_SETS) this.#projections.clear()
      this.#projections.set(key, (projections = new Map()))
    }
    return projections
  }

  /**
   * `answer` as `JSON.stringify` writes it, in UTF-8, with the JSON of the projections kept in
   * `projections` written once and reused.
   *
   * @throws ApiError 400 `queryResultTooLarge` past `maxBytes`, or when too deep to serialize
   */
  encode(answer: unknown, projections: ReferenceProjections, maxBytes: number): EncodedAnswer {
    this.#register(projections)
    const out = new Parts()
    try {
      this.#write(answer, 0, out)
    } catch (error) {
      if (error instanceof RangeError) throw answerTooLarge(maxBytes)
      throw error
    }
    out.flush()
    if (out.bytes > maxBytes) throw answerTooLarge(maxBytes)
    return out
  }

  #register(projections: ReferenceProjections): void {
    let count = 0
    for (const byDocument of projections.values()) count += byDocument.size
    if (this.#counted.get(projections) === count) return
    for (const byDocument of projections.values()) for (const projected of byDocument.values()) this.#kept.add(projected)
    this.#counted.set(projections, count)
  }

  #write(value: unknown, depth: number, out: Parts): void {
    if (value === null || typeof value !== 'object') {
      out.text += JSON.stringify(value) ?? 'null'
      return
    }
    if (this.#kept.has(value)) {
      let json = this.#json.get(value)
      if (json === undefined) this.#json.set(value, (json = Buffer.from(JSON.stringify(value))))
      out.bytesPart(json)
      return
    }
    if (depth >= MAX_DEPTH || typeof (value as {toJSON?: unknown}).toJSON === 'function') {
      out.text += JSON.stringify(value)
      return
    }
    if (Array.isArray(value)) {
      out.text += '['
      for (let index = 0; index < value.length; index++) {
        if (index > 0) out.text += ','
        const item: unknown = value[index]
        // As JSON.stringify: what JSON cannot hold becomes null in an array.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out.text += 'null'
        else this.#write(item, depth + 1, out)
      }
      out.text += ']'
      return
    }
    out.text += '{'
    let first = true
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key]
      // As JSON.stringify: what JSON cannot hold is left out of an object.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
      out.text += `${first ? '' : ','}${JSON.stringify(key)}:`
      first = false
      this.#write(item, depth + 1, out)
    }
    out.text += '}'
  }
}

function refuseNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('A non-finite number has no JSON key')
  return value
}

/** Text written so far (encoded when a kept part comes, or at the end) and the encoded parts. */
class Parts implements EncodedAnswer {
  text = ''
  readonly parts: Uint8Array[] = []
  bytes = 0

  bytesPart(part: Uint8Array): void {
    this.flush()
    this.#push(part)
  }

  flush(): void {
    if (this.text === '') return
    const text = this.text
    this.text = ''
    this.#push(Buffer.from(text))
  }

  #push(part: Uint8Array): void {
    this.parts.push(part)
    this.bytes += part.byteLength
  }
}
