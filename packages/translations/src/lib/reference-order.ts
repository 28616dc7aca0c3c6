import {isRecord, type DatasetDocument} from '@treatments/content/dataset'

/**
 * Groups documents so that every document comes after the documents it references (`_ref`
 * anywhere in it): each group is one document, or several that reference each other in a cycle
 * (write a cycle in one transaction). Groups come in dependency order; among groups that are free
 * to go, the one holding the earliest document of the input goes first, so the order is stable.
 * References to documents not in the list are ignored (they must already exist).
 */
export function referenceGroups<T extends DatasetDocument>(documents: readonly T[]): T[][] {
  const index = new Map(documents.map((document, position) => [document._id, position]))
  const edges = documents.map((document) =>
    [...collectReferences(document)].map((id) => index.get(id)).filter((target): target is number => target !== undefined),
  )
  const components = stronglyConnectedComponents(edges)
  const componentOf = new Array<number>(documents.length)
  components.forEach((members, component) => {
    for (const member of members) componentOf[member] = component
  })
  const waitingOn = components.map(() => new Set<number>())
  const dependents = components.map(() => new Set<number>())
  edges.forEach((targets, from) => {
    for (const to of targets) {
      const a = componentOf[from]!
      const b = componentOf[to]!
      if (a === b) continue
      waitingOn[a]!.add(b)
      dependents[b]!.add(a)
    }
  })
  const first = components.map((members) => Math.min(...members))
  const ready = components.map((_, component) => component).filter((component) => waitingOn[component]!.size === 0)
  const groups: T[][] = []
  while (ready.length > 0) {
    ready.sort((a, b) => first[a]! - first[b]!)
    const component = ready.shift()!
    groups.push([...components[component]!].sort((a, b) => a - b).map((member) => documents[member]!))
    for (const dependent of dependents[component]!) {
      waitingOn[dependent]!.delete(component)
      if (waitingOn[dependent]!.size === 0) ready.push(dependent)
    }
  }
  return groups
}

/** The documents in reference order: {@link referenceGroups}, flattened. */
export function referenceOrder<T extends DatasetDocument>(documents: readonly T[]): T[] {
  return referenceGroups(documents).flat()
}

/** Every `_ref` in a value, at any depth. */
export function collectReferences(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, found)
  } else if (isRecord(value)) {
    if (typeof value._ref === 'string') found.add(value._ref)
    for (const child of Object.values(value)) collectReferences(child, found)
  }
  return found
}

/** Tarjan's algorithm, iterative; returns components as lists of node indexes. */
function stronglyConnectedComponents(edges: readonly number[][]): number[][] {
  const order = new Array<number>(edges.length).fill(-1)
  const low = new Array<number>(edges.length).fill(0)
  const onStack = new Array<boolean>(edges.length).fill(false)
  const stack: number[] = []
  const components: number[][] = []
  let counter = 0
  for (let start = 0; start < edges.length; start++) {
    if (order[start] !== -1) continue
    const work: Array<{node: number; next: number}> = [{node: start, next: 0}]
    order[start] = low[start] = counter++
    stack.push(start)
    onStack[start] = true
    while (work.length > 0) {
      const frame = work.at(-1)!
      const targets = edges[frame.node]!
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!
        if (order[target] === -1) {
          order[target] = low[target] = counter++
          stack.push(target)
          onStack[target] = true
          work.push({node: target, next: 0})
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node]!, order[target]!)
        }
        continue
      }
      work.pop()
      const parent = work.at(-1)
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!)
      if (low[frame.node] === order[frame.node]) {
        const component: number[] = []
        let member: number
        do {
          member = stack.pop()!
          onStack[member] = false
          component.push(member)
        } while (member !== frame.node)
        components.push(component)
      }
    }
  }
  return components
}
