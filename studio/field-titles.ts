/**
 * Writes `field-titles.json`: the schema titles of every document type's fields, for tools that
 * name fields as the Studio does (`pnpm translations`) without loading the Studio. Run by the
 * `typegen` script; `pnpm schema:check` fails when the committed file is stale.
 */
import {writeFileSync} from 'node:fs'

import {fieldTitleTree} from './schemaTypes/field-title-tree.ts'
import {documentTypes, schemaTypes} from './schemaTypes/index.ts'

writeFileSync(new URL('field-titles.json', import.meta.url), `${JSON.stringify(fieldTitleTree(documentTypes, schemaTypes), null, 2)}\n`)
