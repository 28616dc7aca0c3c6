import {createElement as h, type ReactNode} from 'react'
import type {InputProps, SchemaType, StringInputProps} from 'sanity'

import {CaretKeepingInput} from './caret-keeping-input.ts'

/**
 * The Studio's `form.components.input`: string and text fields (the localized ones' `value`
 * included) keep the editor's caret when someone else's typing arrives; every other input is
 * Sanity's own.
 */
export function FormInput(props: InputProps): ReactNode {
  return isPlainText(props.schemaType) ? h(CaretKeepingInput, props as StringInputProps) : props.renderDefault(props)
}

/** A `string` or `text` field, or a type built on one (not url, email or date, which are strings too). */
function isPlainText(schemaType: SchemaType): boolean {
  // The chain of types ends in `null` (the intrinsic type's parent), not `undefined`.
  for (let type: SchemaType | null | undefined = schemaType; type; type = type.type) {
    if (type.name === 'string' || type.name === 'text') return true
  }
  return false
}
