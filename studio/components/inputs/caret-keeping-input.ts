import {Component, type ReactNode} from 'react'
import type {StringInputProps} from 'sanity'

import {mapSelection} from './map-selection.ts'

/** The focused field's text and selection just before React replaces its value. */
interface Before {
  text: string
  start: number
  end: number
  direction: 'forward' | 'backward' | 'none'
  scrollLeft: number
  scrollTop: number
}

/**
 * Sanity's string and text inputs, which keep the caret where the editor was typing when someone
 * else's edit arrives. Those inputs are controlled `<input>`/`<textarea>` elements, and setting
 * their value moves the caret to the end, so whoever typed at the start or in the middle went on
 * typing at the end (two people in one field garbled it). This maps the selection through the
 * change instead: read just before React writes the new value (`getSnapshotBeforeUpdate`, which
 * function components have no equivalent of) and set right after (`componentDidUpdate`, before
 * the browser paints). The editor's own typing leaves the value already in the field, so it is
 * never touched.
 */
export class CaretKeepingInput extends Component<StringInputProps> {
  /** The input or textarea Sanity's `elementProps.ref` points to (absent for other renderings). */
  private field(): HTMLInputElement | HTMLTextAreaElement | undefined {
    const element: unknown = this.props.elementProps.ref.current
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element : undefined
  }

  override getSnapshotBeforeUpdate(): Before | null {
    const field = this.field()
    if (field === undefined || field.ownerDocument.activeElement !== field) return null
    const next = typeof this.props.value === 'string' ? this.props.value : ''
    const {value: text, selectionStart: start, selectionEnd: end, selectionDirection, scrollLeft, scrollTop} = field
    if (text === next || start === null || end === null) return null
    return {text, start, end, direction: selectionDirection ?? 'none', scrollLeft, scrollTop}
  }

  override componentDidUpdate(_previous: StringInputProps, _state: unknown, before: Before | null): void {
    const field = this.field()
    if (before === null || field === undefined || field.ownerDocument.activeElement !== field || field.value === before.text) return
    const {start, end} = mapSelection(before.text, field.value, before)
    field.setSelectionRange(start, end, before.direction)
    field.scrollLeft = before.scrollLeft
    field.scrollTop = before.scrollTop
  }

  override render(): ReactNode {
    return this.props.renderDefault(this.props)
  }
}
