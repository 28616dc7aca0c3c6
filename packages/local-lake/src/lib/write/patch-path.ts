import {reservedPathNameProblem} from './reserved-keys.ts'

/** One step of a patch path. */
export type PathStep =
  | {kind: 'attribute'; name: string}
  | {kind: 'index'; index: number}
  | {kind: 'range'; start: number | undefined; end: number | undefined}
  | {kind: 'match'; attribute: string; value: string | number | boolean}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*/
const INTEGER = /^-?\d+$/
const MATCH = /^\s*([A-Za-z_$][A-Za-z0-9_$]*)\s*==\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|true|false)\s*$/

/**
 * Parses the subset of Sanity's JSONMatch path syntax that patches use:
 * `a.b.c`, `items[0]`, `items[-1]`, `items[2:4]`, `items[_key=="abc"]`, combined freely
 * (e.g. `body[_key=="k"].children[0].text`).
 *
 * Steps named `__proto__`, `constructor` or `prototype` (attributes or `[name==…]` matches) are
 * refused, so a path can never lead from a document to an object prototype.
 *
 * @throws Error with a message describing the first unsupported, malformed or reserved part
 */
export function parsePatchPath(path: string): PathStep[] {
  const steps: PathStep[] = []
  let rest = path.trim()
  if (rest === '') throw new Error('path is empty')
  let expectAttribute = true
  while (rest !== '') {
    if (rest.startsWith('[')) {
      const close = findClosingBracket(rest)
      if (close < 0) throw new Error(`unclosed "[" in path "${path}"`)
      steps.push(parseSelector(rest.slice(1, close), path))
      rest = rest.slice(close + 1)
      expectAttribute = false
      continue
    }
    if (!expectAttribute) {
      if (!rest.startsWith('.')) throw new Error(`unexpected "${rest[0]}" in path "${path}"`)
      rest = rest.slice(1)
    }
    const match = IDENTIFIER.exec(rest)
    if (match === null) throw new Error(`expected an attribute name at "${rest}" in path "${path}"`)
    refuseReserved(match[0], path)
    steps.push({kind: 'attribute', name: match[0]})
    rest = rest.slice(match[0].length)
    expectAttribute = false
  }
  return steps
}

function refuseReserved(name: string, path: string): void {
  const problem = reservedPathNameProblem(name, path)
  if (problem !== undefined) throw new Error(problem)
}

function findClosingBracket(text: string): number {
  let quote: string | undefined
  for (let index = 1; index < text.length; index++) {
    const char = text[index]
    if (quote !== undefined) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === ']') {
      return index
    }
  }
  return -1
}

function parseSelector(selector: string, path: string): PathStep {
  const text = selector.trim()
  if (INTEGER.test(text)) return {kind: 'index', index: Number(text)}
  const colon = text.indexOf(':')
  if (colon >= 0 && !text.includes('=')) {
    const start = text.slice(0, colon).trim()
    const end = text.slice(colon + 1).trim()
    if ((start === '' || INTEGER.test(start)) && (end === '' || INTEGER.test(end))) {
      return {
        kind: 'range',
        start: start === '' ? undefined : Number(start),
        end: end === '' ? undefined : Number(end),
      }
    }
  }
  const match = MATCH.exec(text)
  if (match !== null && match[1] !== undefined && match[2] !== undefined) {
    refuseReserved(match[1], path)
    return {kind: 'match', attribute: match[1], value: parseLiteral(match[2])}
  }
  throw new Error(
    `unsupported selector "[${selector}]" in path "${path}" (supported: [index], [start:end], [_key=="value"])`,
  )
}

function parseLiteral(literal: string): string | number | boolean {
  if (literal === 'true') return true
  if (literal === 'false') return false
  if (literal.startsWith('"')) return JSON.parse(literal) as string
  if (literal.startsWith("'")) {
    return JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string
  }
  return Number(literal)
}
