import type {DatasetDocument, ReferenceProjections} from '@treatments/content/dataset'

import {answerTooLarge} from '../http/send-json.ts'

/** Parameter sets (locale chains) whose projections one dataset state keeps. */
const MAX_PARAMETER_SETS = 16
/**
 * How deep the answer is walked to find a kept projection (`[page].ingredients[i].ingredient`
 * is at 4); below that, and for everything not kept, `JSON.stringify` writes whole values.
 */
const MAX_DEPTH = 4

/** The smallest and largest buffer an answer starts in (it grows as needed). */
const MIN_EXPECTED_BYTES = 4096
const MAX_EXPECTED_BYTES = 1 << 20

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
  #expectedBytes = MIN_EXPECTED_BYTES

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
    const out = new Parts(this.#expectedBytes)
    let encoded: EncodedAnswer
    try {
      this.#write(answer, 0, out)
      encoded = out.finish()
    } catch (error) {
      if (error instanceof RangeError) throw answerTooLarge(maxBytes)
      throw error
    }
    if (encoded.bytes > maxBytes) throw answerTooLarge(maxBytes)
    // Room for the next answer: this one's size and an eighth more.
    this.#expectedBytes = Math.min(MAX_EXPECTED_BYTES, Math.max(MIN_EXPECTED_BYTES, Math.ceil(encoded.bytes * 1.125)))
    return encoded
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

/**
 * An answer's UTF-8 bytes, written into one buffer: text as it comes (encoded when a kept part
 * comes, or at the end), kept parts copied in. One buffer, sized from the last answer, rather
 * than a buffer per piece of text and about 25 writes per response: 0.271 against 0.286 ms of
 * CPU per read (medians of three interleaved runs of 8,000 reads, eight clients).
 */
class Parts {
  text = ''
  #buffer: Buffer
  #length = 0

  constructor(expectedBytes: number) {
    this.#buffer = Buffer.allocUnsafe(expectedBytes)
  }

  bytesPart(part: Uint8Array): void {
    this.flush()
    this.#reserve(part.byteLength)
    this.#buffer.set(part, this.#length)
    this.#length += part.byteLength
  }

  flush(): void {
    if (this.text === '') return
    const text = this.text
    this.text = ''
    // Three bytes per UTF-16 unit at most; count exactly only when that might not fit.
    if (this.#length + text.length * 3 > this.#buffer.length) this.#reserve(Buffer.byteLength(text))
    this.#length += this.#buffer.write(text, this.#length)
  }

  finish(): EncodedAnswer {
    this.flush()
    return {parts: [this.#buffer.subarray(0, this.#length)], bytes: this.#length}
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return
    const next = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + bytes))
    this.#buffer.copy(next, 0, 0, this.#length)
    this.#buffer = next
  }
}
