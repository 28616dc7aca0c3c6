import {DOMParser, type Element, type Node} from '@xmldom/xmldom'

const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0'
const MDA = 'urn:oasis:names:tc:xliff:metadata:2.0'
const XML = 'http://www.w3.org/XML/1998/namespace'
const XMLNS = 'http://www.w3.org/2000/xmlns/'

/** Attributes of each core element (no namespace), from the XLIFF 2.0 core schema; `!` = required. */
const ATTRIBUTES: Record<string, string[]> = {
  xliff: ['version!', 'srcLang!', 'trgLang'],
  file: ['id!', 'canResegment', 'original', 'translate', 'srcDir', 'trgDir'],
  notes: [],
  note: ['id', 'appliesTo', 'category', 'priority'],
  unit: ['id!', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'type'],
  originalData: [],
  data: ['id!', 'dir'],
  segment: ['id', 'canResegment', 'state', 'subState'],
  source: [],
  target: ['order'],
  pc: ['id!', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dispEnd', 'dispStart', 'equivEnd', 'equivStart', 'dataRefEnd', 'dataRefStart', 'subFlowsEnd', 'subFlowsStart', 'subType', 'type', 'dir'],
  ph: ['id!', 'canCopy', 'canDelete', 'canReorder', 'copyOf', 'disp', 'equiv', 'dataRef', 'subFlows', 'subType', 'type'],
  cp: ['hex!'],
}
/** `xml:` attributes each element may carry. */
const XML_ATTRIBUTES: Record<string, string[]> = {
  xliff: ['space', 'lang'],
  file: ['space'],
  unit: ['space'],
  data: ['space'],
  source: ['space', 'lang'],
  target: ['space', 'lang'],
}
const NMTOKEN = /^[\p{L}\p{N}._:\-\u00B7\u0300-\u036F\u203F-\u2040]+$/u
const YES_NO = ['yes', 'no']
const TYPES = ['fmt', 'ui', 'quote', 'link', 'image', 'other']
const XLF_SUBTYPES: Record<string, string> = {'xlf:b': 'fmt', 'xlf:i': 'fmt', 'xlf:u': 'fmt', 'xlf:lb': 'fmt', 'xlf:pb': 'fmt', 'xlf:var': 'ui'}
const STATES = ['initial', 'translated', 'reviewed', 'final']
const INLINE = new Set(['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em'])

/**
 * Checks an XLIFF document against the rules of the OASIS XLIFF 2.0 core schema (and the core
 * constraints the schema cannot express) that this project's export can break: namespace and
 * version, required and allowed attributes and their value types, the content model of
 * xliff/file/unit/segment/notes/originalData/source/target and of the Metadata module, unique
 * ids, data references that resolve, paired codes, and target codes matching source codes.
 *
 * @returns one message per violation; empty when the document follows the rules.
 */
export function xliffCoreViolations(xml: string): string[] {
  const problems: string[] = []
  const document = new DOMParser({onError: (level, message) => problems.push(`${level}: ${message}`)}).parseFromString(xml, 'text/xml')
  const root = document.documentElement
  if (!root || problems.length > 0) return [...problems, 'not well-formed']
  if (document.doctype) problems.push('has a DOCTYPE')
  if (root.namespaceURI !== XLIFF || root.localName !== 'xliff') return ['root must be <xliff> in the XLIFF 2.0 namespace']
  if (root.getAttribute('version') !== '2.0') problems.push(`version must be "2.0", is "${root.getAttribute('version')}"`)
  const walk = (element: Element) => {
    if (element.namespaceURI === XLIFF && !INLINE.has(element.localName ?? '')) visitAttributes(element, problems)
    for (const child of elementChildren(element)) walk(child)
  }
  walk(root)
  expectChildren(root, problems, [['file', 1, Infinity]], false)
  const fileIds = new Set<string>()
  for (const file of coreChildren(root, 'file')) {
    const id = file.getAttribute('id') ?? ''
    if (fileIds.has(id)) problems.push(`duplicate file id "${id}"`)
    fileIds.add(id)
    expectChildren(file, problems, [['skeleton', 0, 1], ['#other', 0, Infinity], ['notes', 0, 1], ['unit|group', 1, Infinity]], true)
    const unitIds = new Set<string>()
    for (const unit of coreChildren(file, 'unit')) {
      const unitId = unit.getAttribute('id') ?? ''
      if (unitIds.has(unitId)) problems.push(`file "${id}": duplicate unit id "${unitId}"`)
      unitIds.add(unitId)
      checkUnit(unit, `file "${id}", unit "${unitId}"`, problems)
    }
    for (const notes of coreChildren(file, 'notes')) expectChildren(notes, problems, [['note', 1, Infinity]], false)
  }
  return problems
}

function checkUnit(unit: Element, where: string, problems: string[]): void {
  expectChildren(unit, problems, [['#other', 0, Infinity], ['notes', 0, 1], ['originalData', 0, 1], ['segment|ignorable', 1, Infinity]], true)
  for (const notes of coreChildren(unit, 'notes')) expectChildren(notes, problems, [['note', 1, Infinity]], false)
  for (const metadata of Array.from(unit.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === MDA)) {
    checkMetadata(metadata, where, problems)
  }
  const dataIds = new Set<string>()
  for (const originalData of coreChildren(unit, 'originalData')) {
    expectChildren(originalData, problems, [['data', 1, Infinity]], false)
    for (const data of coreChildren(originalData, 'data')) {
      const id = data.getAttribute('id') ?? ''
      if (dataIds.has(id)) problems.push(`${where}: duplicate data id "${id}"`)
      dataIds.add(id)
      for (const child of elementChildren(data)) if (child.localName !== 'cp') problems.push(`${where}: <data> may only hold text and <cp>`)
    }
  }
  const ids = new Map<string, string>()
  const claim = (id: string, what: string) => {
    if (ids.has(id)) problems.push(`${where}: id "${id}" is used by ${ids.get(id)} and ${what}`)
    ids.set(id, what)
  }
  for (const segment of coreChildren(unit, 'segment')) {
    const segmentId = segment.getAttribute('id')
    if (segmentId !== null) claim(segmentId, `segment`)
    expectChildren(segment, problems, [['source', 1, 1], ['target', 0, 1]], false)
    const [source] = coreChildren(segment, 'source')
    const [target] = coreChildren(segment, 'target')
    const state = segment.getAttribute('state')
    if (state !== null && state !== 'initial' && target === undefined) problems.push(`${where}: state="${state}" needs a <target>`)
    const sourceCodes = source ? checkInline(source, `${where}, <source>`, dataIds, problems) : []
    for (const code of sourceCodes) claim(code, `<pc>/<ph> "${code}"`)
    if (target) {
      const targetCodes = checkInline(target, `${where}, <target>`, dataIds, problems)
      if ([...targetCodes].sort().join() !== [...sourceCodes].sort().join()) {
        problems.push(`${where}: target codes [${targetCodes.join(', ')}] do not match source codes [${sourceCodes.join(', ')}]`)
      }
    }
  }
}

function checkMetadata(metadata: Element, where: string, problems: string[]): void {
  if (metadata.localName !== 'metadata') return void problems.push(`${where}: unexpected mda:${metadata.localName}`)
  const groups = elementChildren(metadata)
  if (groups.length === 0) problems.push(`${where}: <mda:metadata> needs at least one <mda:metaGroup>`)
  const visit = (group: Element) => {
    if (group.namespaceURI !== MDA || group.localName !== 'metaGroup') return void problems.push(`${where}: <mda:metadata> holds only <mda:metaGroup>`)
    const children = elementChildren(group)
    if (children.length === 0) problems.push(`${where}: <mda:metaGroup> needs at least one child`)
    for (const child of children) {
      if (child.localName === 'metaGroup') visit(child)
      else if (child.localName !== 'meta' || child.namespaceURI !== MDA) problems.push(`${where}: unexpected <${child.nodeName}> in <mda:metaGroup>`)
      else if (!child.getAttribute('type')) problems.push(`${where}: <mda:meta> needs a type`)
      else if (elementChildren(child).length > 0) problems.push(`${where}: <mda:meta> holds text only`)
    }
  }
  groups.forEach(visit)
}

/** Checks inline content; returns the ids of its codes in document order. */
function checkInline(element: Element, where: string, dataIds: Set<string>, problems: string[]): string[] {
  const codes: string[] = []
  for (const child of elementChildren(element)) {
    if (child.namespaceURI !== XLIFF || !INLINE.has(child.localName ?? '')) {
      problems.push(`${where}: <${child.nodeName}> is not allowed in text`)
      continue
    }
    visitAttributes(child, problems)
    if (child.localName === 'cp') {
      if (!/^[0-9A-F]+$/.test(child.getAttribute('hex') ?? '')) problems.push(`${where}: <cp hex> must be upper-case hex digits`)
      continue
    }
    const id = child.getAttribute('id') ?? ''
    codes.push(id)
    const type = child.getAttribute('type')
    const subType = child.getAttribute('subType')
    if (type !== null && !TYPES.includes(type)) problems.push(`${where}: type "${type}" is not one of ${TYPES.join(', ')}`)
    if (subType !== null) {
      if (type === null) problems.push(`${where}: subType needs type`)
      if (!/^[^\s:]+:[^\s:]+$/.test(subType)) problems.push(`${where}: subType "${subType}" must look like prefix:value`)
      if (subType.startsWith('xlf:') && XLF_SUBTYPES[subType] !== type) problems.push(`${where}: subType "${subType}" needs type "${XLF_SUBTYPES[subType]}"`)
    }
    for (const name of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
      const reference = child.getAttribute(name)
      if (reference !== null && !dataIds.has(reference)) problems.push(`${where}: ${name}="${reference}" names no <data>`)
    }
    for (const name of ['canCopy', 'canDelete', 'canReorder', 'canOverlap']) {
      const value = child.getAttribute(name)
      if (value !== null && !YES_NO.includes(value)) problems.push(`${where}: ${name} must be yes or no`)
    }
    if (child.localName === 'pc') codes.push(...checkInline(child, where, dataIds, problems))
    else if (child.localName === 'ph' && child.childNodes.length > 0) problems.push(`${where}: <ph> must be empty`)
  }
  return codes
}

function visitAttributes(element: Element, problems: string[]): void {
  const name = element.localName ?? ''
  const allowed = ATTRIBUTES[name]
  if (allowed === undefined) return
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.namespaceURI === XMLNS || attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue
    if (attribute.namespaceURI === XML) {
      if (!(XML_ATTRIBUTES[name] ?? []).includes(attribute.localName ?? '')) problems.push(`<${name}> may not have xml:${attribute.localName}`)
      if (attribute.localName === 'space' && !['default', 'preserve'].includes(attribute.value)) problems.push(`xml:space must be default or preserve`)
      continue
    }
    if (attribute.namespaceURI) continue
    if (!allowed.some((entry) => entry.replace('!', '') === attribute.name)) problems.push(`<${name}> may not have attribute ${attribute.name}`)
  }
  for (const entry of allowed.filter((candidate) => candidate.endsWith('!'))) {
    if (!element.hasAttribute(entry.slice(0, -1))) problems.push(`<${name}> needs attribute ${entry.slice(0, -1)}`)
  }
  for (const attribute of ['id', 'dataRef', 'dataRefStart', 'dataRefEnd']) {
    const value = element.getAttribute(attribute)
    if (value !== null && !NMTOKEN.test(value)) problems.push(`<${name} ${attribute}="${value}"> is not an NMTOKEN`)
  }
  if (name === 'segment' || name === 'unit' || name === 'file') {
    const canResegment = element.getAttribute('canResegment')
    if (canResegment !== null && !YES_NO.includes(canResegment)) problems.push(`canResegment must be yes or no`)
  }
  if (name === 'segment') {
    const state = element.getAttribute('state')
    if (state !== null && !STATES.includes(state)) problems.push(`state "${state}" is not one of ${STATES.join(', ')}`)
    // XLIFF 2.0 core: subState is "prefix:value", and only with an explicit state.
    const subState = element.getAttribute('subState')
    if (subState !== null && !/^[^\s:]+:[^\s]+$/.test(subState)) problems.push(`subState "${subState}" is not prefix:value`)
    if (subState !== null && state === null) problems.push('subState needs an explicit state')
  }
}

/**
 * Checks the element children of `element` in order against `model`: a list of
 * `[names separated by |, min, max]`; `#other` stands for elements of other namespaces.
 */
function expectChildren(element: Element, problems: string[], model: Array<[string, number, number]>, allowOther: boolean): void {
  const children = elementChildren(element)
  for (const node of Array.from(element.childNodes) as Node[]) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') problems.push(`<${element.localName}> may not hold text`)
  }
  let position = 0
  for (const [names, min, max] of model) {
    let count = 0
    while (position < children.length && matches(children[position]!, names) && count < max) {
      position++
      count++
    }
    if (count < min) problems.push(`<${element.localName}> needs at least ${min} <${names}>`)
  }
  if (position < children.length) {
    const unexpected = children[position]!
    if (!(allowOther && unexpected.namespaceURI !== XLIFF)) problems.push(`<${unexpected.nodeName}> is not allowed here in <${element.localName}>`)
  }
}

function matches(element: Element, names: string): boolean {
  return names.split('|').some((name) => (name === '#other' ? element.namespaceURI !== XLIFF : element.namespaceURI === XLIFF && element.localName === name))
}

function coreChildren(element: Element, name: string): Element[] {
  return elementChildren(element).filter((child) => child.namespaceURI === XLIFF && child.localName === name)
}

function elementChildren(element: Element): Element[] {
  return (Array.from(element.childNodes) as Node[]).filter((node): node is Element => node.nodeType === 1)
}
