// The rooms (folders by job) of the two packages with layers, and the rule that keeps them:
// no import cycle, and no import from a lower room to a higher one. `pnpm deps:check` runs it
// (part of `pnpm check`); tests/architecture/rooms.test.ts shows that it catches both.

/**
 * Rooms from the bottom up: a room may import rooms listed before it, never after.
 * A top-level file of `lib/` is a room of its own; a folder name ends with `/`.
 */
export const contentRooms = {
  base: 'packages/content/src/lib/',
  layers: [
    ['errors.ts', 'describe-value.ts'],
    ['dataset/'],
    ['query/', 'locale/', 'review/'],
    ['source/'],
    ['types.ts', 'html/'],
    ['render/', 'ui-strings/'],
    ['reader/'],
    ['structured-data/'],
    ['page/', 'sitemap/'],
  ],
  // The dataset runner answers the package's own queries from plans that know their shape
  // (docs/architecture.md, "Query plans"): kept on purpose, and the only such import.
  allowed: [{from: 'dataset/groq-runner.ts', to: 'query/treatment-query-plans.ts'}],
}

export const lakeRooms = {
  base: 'packages/local-lake/src/lib/',
  layers: [
    ['api-error.ts', 'local-lake-error.ts', 'lake-identity.ts'],
    ['http/', 'query/', 'history/', 'write/'],
    ['store/'],
    ['lake-options.ts'],
    ['endpoints/'],
    ['server/'],
  ],
  allowed: [],
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const roomPattern = (base, rooms) => `^${escape(base)}(${rooms.map((room) => (room.endsWith('/') ? escape(room) : `${escape(room)}$`)).join('|')})`
const notTest = '\\.test(-d)?\\.ts$'

/** One rule per layer: its rooms import nothing from the layers above it, but for `allowed`. */
export function roomRules({base, layers, allowed}) {
  return layers.slice(0, -1).flatMap((rooms, index) => {
    const name = `no-upward-import:${base}${rooms.join(',')}`
    const comment = `${rooms.join(', ')} in ${base} import only rooms of lower layers (see .dependency-cruiser.mjs)`
    const from = roomPattern(base, rooms)
    const to = roomPattern(base, layers.slice(index + 1).flat())
    const exceptions = allowed.filter((allow) => new RegExp(from).test(base + allow.from))
    return [
      {name, comment, severity: 'error', from: {path: from, pathNot: [notTest, ...exceptions.map((allow) => `^${escape(base + allow.from)}$`)]}, to: {path: to}},
      ...exceptions.map((allow) => ({
        name,
        comment,
        severity: 'error',
        from: {path: `^${escape(base + allow.from)}$`},
        to: {path: to, pathNot: `^${escape(base + allow.to)}$`},
      })),
    ]
  })
}

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle ties two modules together: move the shared part into a lower room.',
      severity: 'error',
      from: {pathNot: notTest},
      to: {circular: true},
    },
    ...roomRules(contentRooms),
    ...roomRules(lakeRooms),
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: ['node_modules', '/dist/']},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.base.json'},
  },
}
