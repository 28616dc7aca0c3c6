import type {Element, ElementContent, Properties, Text} from 'hast'

/**
 * A hast element (an empty `className` is left out). Text goes in as {@link textNode} children and is escaped when serialized:
 * nothing here ever becomes markup by string concatenation.
 *
 * @internal
 */
export function element(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  const {className} = properties
  if (!Array.isArray(className) || className.length > 0) return {type: 'element', tagName, properties, children}
  const {className: _empty, ...rest} = properties
  return {type: 'element', tagName, properties: rest, children}
}

/**
 * A hast text node.
 *
 * @internal
 */
export function textNode(value: string): Text {
  return {type: 'text', value}
}
