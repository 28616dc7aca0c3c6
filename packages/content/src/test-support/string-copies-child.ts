/**
 * Reads the NDJSON file given as the first argument with `readNdjson`, as the local lake loads a
 * dataset, then prints how many separate heap strings hold each further argument's value while
 * the documents are alive, as one JSON line `{"value": count, …}` (from a heap snapshot: strings
 * that are equal cannot be told apart from JavaScript).
 */
import {getHeapSnapshot} from 'node:v8'

import {readNdjson} from '../lib/dataset/read-ndjson.ts'

interface HeapSnapshot {
  snapshot: {meta: {node_fields: string[]; node_types: [string[]]}}
  nodes: number[]
  strings: string[]
}

const [file, ...values] = process.argv.slice(2)
if (file === undefined) throw new TypeError('usage: string-copies-child.ts FILE VALUE…')
const documents = await readNdjson(file)
let text = ''
for await (const chunk of getHeapSnapshot()) text += chunk
const {snapshot, nodes, strings} = JSON.parse(text) as HeapSnapshot
const fields = snapshot.meta.node_fields
const [typeField, nameField] = [fields.indexOf('type'), fields.indexOf('name')]
const stringType = snapshot.meta.node_types[0].indexOf('string')
const counts = new Map(values.map((value) => [value, 0]))
for (let node = 0; node < nodes.length; node += fields.length) {
  if (nodes[node + typeField] !== stringType) continue
  const value = strings[nodes[node + nameField]!]!
  const count = counts.get(value)
  if (count !== undefined) counts.set(value, count + 1)
}
process.stdout.write(`${JSON.stringify({documents: documents.length, ...Object.fromEntries(counts)})}\n`)
