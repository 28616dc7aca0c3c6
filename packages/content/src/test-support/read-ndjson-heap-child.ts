/**
 * Reads the NDJSON file given as the first argument with `readNdjson`, as the local lake loads a
 * dataset, then prints as one JSON line what the reading left in the heap while the documents
 * are alive: `{"documents", "largeObjectBytes", "copies": {value: count}}`. `largeObjectBytes` is
 * how much V8's large-object space grew while reading (old generation: only a major collection
 * frees it); `copies` counts the separate heap strings holding each further argument's value, from a
 * heap snapshot (equal strings cannot be told apart from JavaScript).
 */
import {getHeapSnapshot, getHeapSpaceStatistics} from 'node:v8'

import {readNdjson} from '../lib/dataset/read-ndjson.ts'

interface HeapSnapshot {
  snapshot: {meta: {node_fields: string[]; node_types: [string[]]}}
  nodes: number[]
  strings: string[]
}

const [file, ...values] = process.argv.slice(2)
if (file === undefined) throw new TypeError('usage: read-ndjson-heap-child.ts FILE VALUE…')
const largeObjects = () => getHeapSpaceStatistics().find((space) => space.space_name === 'large_object_space')!.space_used_size
const before = largeObjects()
const documents = await readNdjson(file)
const largeObjectBytes = largeObjects() - before
let text = ''
for await (const chunk of getHeapSnapshot()) text += chunk
const {snapshot, nodes, strings} = JSON.parse(text) as HeapSnapshot
const fields = snapshot.meta.node_fields
const [typeField, nameField] = [fields.indexOf('type'), fields.indexOf('name')]
const stringType = snapshot.meta.node_types[0].indexOf('string')
const copies = new Map(values.map((value) => [value, 0]))
for (let node = 0; node < nodes.length; node += fields.length) {
  if (nodes[node + typeField] !== stringType) continue
  const value = strings[nodes[node + nameField]!]!
  const count = copies.get(value)
  if (count !== undefined) copies.set(value, count + 1)
}
process.stdout.write(`${JSON.stringify({documents: documents.length, largeObjectBytes, copies: Object.fromEntries(copies)})}\n`)
