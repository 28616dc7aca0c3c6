import {DOMParser, XMLSerializer, type Element, type Node} from '@xmldom/xmldom'

const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0'

/**
 * A stand-in translator for tests: gives every segment a `<target>` that is a copy of its
 * `<source>` (inline codes included) with `translate` applied to every text node. Existing
 * targets are replaced. Segments for which `only` returns false are left alone.
 */
export function translateXliff(
  xml: string,
  translate: (text: string) => string,
  only: (unit: Element, segment: Element) => boolean = () => true,
): string {
  const document = new DOMParser().parseFromString(xml, 'text/xml')
  const segments = Array.from(document.getElementsByTagNameNS(XLIFF, 'segment'))
  for (const segment of segments) {
    if (!only(segment.parentNode as Element, segment)) continue
    for (const old of Array.from(segment.getElementsByTagNameNS(XLIFF, 'target'))) segment.removeChild(old)
    const source = segment.getElementsByTagNameNS(XLIFF, 'source')[0]!
    const target = document.createElementNS(XLIFF, 'target')
    for (const child of Array.from(source.childNodes) as Node[]) target.appendChild(child.cloneNode(true))
    prefixText(target, translate)
    segment.appendChild(target)
  }
  return new XMLSerializer().serializeToString(document)
}

function prefixText(node: Node, translate: (text: string) => string): void {
  for (const child of Array.from(node.childNodes) as Node[]) {
    if (child.nodeType === 3) child.nodeValue = translate(child.nodeValue ?? '')
    else if (child.nodeType === 1) prefixText(child, translate)
  }
}
