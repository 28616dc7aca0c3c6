// @ts-check
import {globSync} from 'node:fs'

/**
 * Mutation testing of the safety-critical modules (`pnpm mutation`, see README "Mutation
 * testing"). Each module is a group of files whose tests must kill their mutants;
 * scripts/mutation.ts runs one or more of them and reports the score per module.
 */

/**
 * The safety-critical modules, by name: the files Stryker mutates (`mutate`) and the test files
 * that must kill their mutants (`tests`; each mutant runs only those of them that cover it).
 */
export const modules = {
  localize: {
    mutate: ['packages/content/src/lib/locale/localize.ts', 'packages/content/src/lib/locale/recorded-hash.ts'],
    tests: [
      'packages/content/src/lib/locale/localize.test.ts',
      'packages/content/src/lib/locale/recorded-hash.test.ts',
      'tests/contract/safety-invariants.contract.test.ts',
      'tests/contract/stale-safety-texts.contract.test.ts',
    ],
  },
  'check-response': {
    mutate: ['packages/content/src/lib/reader/check-response.ts'],
    tests: [
      'packages/content/src/lib/reader/check-response.test.ts',
      'packages/content/src/lib/reader/create-treatment-content.test.ts',
      'tests/contract/safety-invariants.contract.test.ts',
    ],
  },
  'review-coverage': {
    mutate: [
      'packages/content/src/lib/dataset/source-hash.ts',
      'packages/content/src/lib/locale/digest-source-hash.ts',
      'packages/content/src/lib/review/review-coverage.ts',
      'packages/content/src/lib/reader/medical-review-status.ts',
    ],
    tests: [
      'packages/content/src/lib/dataset/source-hash.test.ts',
      'packages/content/src/lib/locale/digest-source-hash.test.ts',
      'packages/content/src/lib/review/review-coverage.test.ts',
      'packages/content/src/lib/reader/medical-review-status.test.ts',
      'packages/translations/src/lib/review-changes.test.ts',
      'packages/translations/src/lib/mark-reviewed.test.ts',
      'packages/content/src/lib/page/render-treatment-page.test.ts',
    ],
  },
  'safe-html': {
    mutate: ['packages/content/src/lib/html/compile-safe-html.ts', 'packages/content/src/lib/render/safe-link-url.ts'],
    tests: ['packages/content/src/lib/html/*.test.ts', 'packages/content/src/lib/render/*.test.ts'],
  },
  xliff: {
    mutate: ['packages/translations/src/lib/plan-xliff-import.ts', 'packages/translations/src/lib/import-xliff.ts', 'packages/translations/src/lib/safety-field.ts'],
    tests: [
      'packages/translations/src/lib/plan-xliff-import.test.ts',
      'packages/translations/src/lib/safety-field.test.ts',
      'packages/translations/src/lib/plan-xliff-import-rejections.test.ts',
      'tests/translations/import-options.test.ts',
      'tests/translations/import-drafts.test.ts',
      'tests/translations/import-transaction.test.ts',
      'tests/translations/stale-translation.test.ts',
      'tests/translations/hostile-xliff.test.ts',
    ],
  },
  'lake-access': {
    mutate: [
      'packages/local-lake/src/lib/http/lake-access.ts',
      'packages/local-lake/src/lib/http/cors-policy.ts',
      'packages/local-lake/src/lib/http/host-check.ts',
    ],
    tests: ['packages/local-lake/src/lib/http/access-policies.test.ts', 'packages/local-lake/src/lib/http/host-check.test.ts', 'packages/local-lake/src/lib/http/lake-access.test.ts'],
  },
  'lake-writes': {
    mutate: ['packages/local-lake/src/lib/write/apply-mutations.ts', 'packages/local-lake/src/lib/write/apply-actions.ts'],
    tests: [
      'packages/local-lake/src/lib/write/*.test.ts',
      'packages/local-lake/src/lib/endpoints/handle-mutate.test.ts',
      'packages/local-lake/src/lib/endpoints/handle-actions.test.ts',
      'packages/local-lake/src/lib/endpoints/revisions.test.ts',
    ],
  },
  'studio-rules': {
    mutate: [
      'studio/schemaTypes/rules/*.ts',
      '!studio/schemaTypes/rules/*.test.ts',
      'studio/actions/mark-reviewed-action.ts',
      'packages/translations/src/lib/mark-reviewed.ts',
      'packages/translations/src/lib/mark-medically-reviewed.ts',
    ],
    tests: [
      'studio/schemaTypes/**/*.test.ts',
      'studio/validation/*.test.ts',
      'studio/actions/*.test.ts',
      'packages/translations/src/lib/mark-reviewed.test.ts',
      'packages/translations/src/lib/mark-medically-reviewed.test.ts',
    ],
  },
}

/**
 * Surviving mutants that cannot change behaviour, each with why. `file:line:mutator` as in the
 * report, and `column` (with `endColumn` if two start there, `replacement` if two span the same
 * code) where the line has more than one surviving mutant of that mutator. An entry excuses
 * exactly one mutant (scripts/lib/equivalent-mutants.ts), and only while that mutant changes
 * the code recorded for the entry in stryker.equivalents.json: neither a new mutant on a listed
 * line nor one an edit moved there is excused until someone judges it. scripts/mutation.ts
 * counts them as ignored, not survived.
 * @type {Array<{file: string, line: number, column?: number, endColumn?: number, replacement?: string, mutator: string, reason: string}>}
 */
export const equivalentMutants = [
  // An address the socket no longer knows: any non-address string is as non-loopback as ''.
  {file: 'packages/local-lake/src/lib/http/lake-access.ts', line: 22, mutator: 'StringLiteral', reason: "any non-address fallback is non-loopback, like ''"},
  {file: 'packages/local-lake/src/lib/http/host-check.ts', line: 19, mutator: 'StringLiteral', reason: "any non-address fallback is non-loopback, like ''"},
  // `catch { return undefined | false }` emptied still returns undefined, which callers read the same.
  {file: 'packages/local-lake/src/lib/http/host-check.ts', line: 60, mutator: 'BlockStatement', reason: 'an empty catch also returns undefined'},
  {file: 'packages/local-lake/src/lib/http/cors-policy.ts', line: 53, mutator: 'BlockStatement', reason: 'undefined is as falsy as false for the one caller'},
  {file: 'packages/local-lake/src/lib/http/cors-policy.ts', line: 70, mutator: 'BlockStatement', reason: 'an empty catch also returns undefined'},
  // studio-rules
  {file: 'studio/schemaTypes/rules/invisible-text.ts', line: 29, mutator: 'ArrayDeclaration', reason: 'a string item has no value and no characters: skipped like no items'},
  {file: 'studio/schemaTypes/rules/localized-value.ts', line: 52, mutator: 'ArrayDeclaration', reason: 'a string item has no language: no base item, like no items'},
  {file: 'studio/schemaTypes/rules/ranges.ts', line: 30, mutator: 'ConditionalExpression', reason: 'typeof forced false: Number.isInteger is false for every non-number'},
  {file: 'studio/schemaTypes/rules/review-dates.ts', line: 7, mutator: 'ConditionalExpression', reason: 'typeof forced false: a non-string never equals the ISO date string it parses to'},
  ...[32, 68].map((column) => ({file: 'studio/schemaTypes/rules/review-dates.ts', line: 44, column, mutator: 'ConditionalExpression', reason: 'typeof forced true: no problems means each date present is a string; an absent one compares false'})),
  // studio-rules: the slug rules' guards that another guard or the data's own shape already makes
  {file: 'studio/schemaTypes/rules/slug-clashes.ts', line: 21, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list has no language: filtered out like no item'},
  ...['MethodExpression', 'ConditionalExpression'].map((mutator) => ({file: 'studio/schemaTypes/rules/slug-clashes.ts', line: 37, mutator, reason: "findSlugClashes lists each id once: the page's own published copy never clashes with it"})),
  {file: 'studio/schemaTypes/rules/slug-clashes.ts', line: 37, mutator: 'ArrayDeclaration', reason: 'a string in place of a page without a slug has no slug and no id: it clashes with no page'},
  ...[18, 54].map((column) => ({file: 'studio/schemaTypes/rules/slug-clashes.ts', line: 43, column, mutator: 'OptionalChaining', reason: 'slugSourceOf always gives a list of objects'})),
  {file: 'studio/schemaTypes/rules/slug-clashes.ts', line: 55, column: 17, mutator: 'OptionalChaining', reason: "keyOf is asked only for a locale the document's own list has an item of"},
  {file: 'studio/schemaTypes/rules/former-slugs-to-keep.ts', line: 14, mutator: 'ConditionalExpression', reason: 'formerSlugsToKeep returns before asking about an undefined document'},
  {file: 'studio/schemaTypes/rules/former-slugs-to-keep.ts', line: 29, column: 7, endColumn: 30, mutator: 'ConditionalExpression', reason: 'ownSlug(undefined) is undefined: an absent published page keeps nothing either way'},
  ...[18, 31].map((line) => ({file: 'studio/schemaTypes/rules/former-slugs-to-keep.ts', line, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list has no language: matches no locale, like no item'})),
  ...['MethodExpression', 'ConditionalExpression'].map((mutator) => ({file: 'studio/schemaTypes/rules/former-slugs-to-keep.ts', line: 30, mutator, reason: 'an undefined slug is never looked up: a locale without one is skipped first'})),
  {file: 'studio/actions/mark-reviewed-action.ts', line: 38, mutator: 'StringLiteral', reason: "the component's name in React DevTools only"},
  // review-coverage
  {file: 'packages/content/src/lib/review/review-coverage.ts', line: 148, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list is no record: skipped like no item'},
  {file: 'packages/content/src/lib/reader/medical-review-status.ts', line: 77, mutator: 'ArrayDeclaration', reason: 'a string item has no language: never covered, like no items'},
  {file: 'packages/content/src/lib/reader/medical-review-status.ts', line: 81, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list is no record: skipped like no item'},
  {file: 'packages/content/src/lib/locale/digest-source-hash.ts', line: 27, mutator: 'ConditionalExpression', reason: 'forced true: Portable Text is remembered by its array, which knownSourceHash never looks up'},
  {file: 'packages/content/src/lib/locale/digest-source-hash.ts', line: 42, mutator: 'ConditionalExpression', reason: 'forced true: only strings are remembered, so any other value gets undefined either way'},
  // xliff
  {file: 'packages/translations/src/lib/import-xliff.ts', line: 59, mutator: 'ConditionalExpression', reason: 'parseXliff reads {locale: undefined} as no locale, like {}'},
  {file: 'packages/translations/src/lib/import-xliff.ts', line: 65, mutator: 'ArrayDeclaration', reason: 'a string among the documents has no _id: no file names it'},
  {file: 'packages/translations/src/lib/import-xliff.ts', line: 81, mutator: 'ConditionalExpression', reason: 'forced false: ifRevisionId(undefined) sends no ifRevisionID (JSON drops undefined), like no guard'},
  {file: 'packages/translations/src/lib/import-xliff.ts', line: 105, mutator: 'OptionalChaining', reason: "every update's document was read into editable: get() never returns undefined"},
  ...['ConditionalExpression', 'BlockStatement'].map((mutator) => ({file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 132, mutator, reason: 'hasVisibleText is true only for a string or an array, which unitContent always reads'})),
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 133, mutator: 'StringLiteral', reason: 'unreachable: hasVisibleText is true only for a string or an array, which unitContent always reads'},
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 257, mutator: 'OptionalChaining', reason: "describeCode is asked only about the source's codes, which content.codes always holds"},
  ...['ConditionalExpression', 'StringLiteral'].map((mutator) => ({file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 258, mutator, reason: "describeCode is asked only about the source's codes, which content.codes always holds"})),
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 269, mutator: 'ConditionalExpression', reason: 'forced true: a text node has no id, so it never equals one'},
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 269, mutator: 'StringLiteral', reason: 'a text node has no id, so it never equals one'},
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 324, mutator: 'ConditionalExpression', reason: 'forced false: indexOf(undefined) is -1, a stored array holds no undefined'},
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 332, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list is no record: filtered out like no entry'},
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 344, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list is no record: filtered out like no entry'},
  {file: 'packages/translations/src/lib/plan-xliff-import.ts', line: 229, column: 129, mutator: 'StringLiteral', reason: "an inline object's stand-in only has to be a character that is not white space"},
  {file: 'studio/schemaTypes/rules/control-characters.ts', line: 25, mutator: 'ArrayDeclaration', reason: 'a string in place of missing items has no value: it holds no text'},
  {file: 'studio/schemaTypes/rules/control-characters.ts', line: 54, mutator: 'ArrayDeclaration', reason: 'a string in place of no text holds no control character'},
  {file: 'studio/schemaTypes/rules/control-characters.ts', line: 57, column: 124, mutator: 'ArrayDeclaration', reason: 'a string in place of no spans holds no control character'},
  // safe-html: safeLinkUrl's checks the URL parser already makes
  ...['ConditionalExpression', 'StringLiteral'].map((mutator) => ({file: 'packages/content/src/lib/render/safe-link-url.ts', line: 22, mutator, reason: "new URL('') throws: refused either way"})),
  // `(url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === ''`: the whole, each protocol test forced false, each string changed
  ...[
    ['LogicalOperator', {}],
    ['ConditionalExpression', {column: 7, endColumn: 85}],
    ['ConditionalExpression', {column: 8, endColumn: 32}],
    ['ConditionalExpression', {column: 36, endColumn: 61}],
    ['StringLiteral', {column: 25}],
    ['StringLiteral', {column: 53}],
    ['StringLiteral', {column: 83}],
  ].map(([mutator, at]) => ({file: 'packages/content/src/lib/render/safe-link-url.ts', line: 30, mutator, ...at, reason: "the URL parser fails an http(s) URL with an empty host: hostname is never ''"})),
  // safe-html: the compiled sanitizer's caches (only speed changes) and defaults a compiled schema never meets
  ...[
    [92, 'ConditionalExpression', 'freezing a primitive does nothing, and a property holding an object is never written'],
    [94, 'ObjectLiteral', "the entry is filled on first use: its empty fields never match a compiled schema"],
    [94, 'StringLiteral', "the entry is filled on first use: its empty fields never match a compiled schema", {column: 55}],
    [94, 'StringLiteral', "the entry is filled on first use: its empty fields never match a compiled schema", {column: 66}],
    [264, 'UnaryOperator', "an unwrapped element's end is '': its start is never read"],
    [126, 'OptionalChaining', 'refused before: a compiled schema sets clobber'],
    [129, 'ArrayDeclaration', 'refused before: a compiled schema sets tagNames'],
    [130, 'ArrayDeclaration', 'refused before: a compiled schema sets strip'],
    [141, 'ConditionalExpression', 'values is read only when not empty: [] and undefined are the same'],
    [141, 'EqualityOperator', 'values is read only when not empty: [] and undefined are the same'],
    [142, 'MethodExpression', 'a RegExp in the set never equals a primitive value'],
    [144, 'OptionalChaining', 'refused before: a compiled schema sets protocols'],
    [149, 'OptionalChaining', 'refused before: a compiled schema sets attributes'],
    [150, 'ConditionalExpression', "an element named '*' is never allowed: its attributes are never looked up"],
    [150, 'StringLiteral', "an element named '*' is never allowed: its attributes are never looked up"],
    [153, 'ConditionalExpression', 'for-in over null or a primitive finds no key a schema allows', {column: 9}],
    [153, 'ConditionalExpression', 'for-in over null or a primitive finds no key a schema allows', {column: 24}],
    [153, 'LogicalOperator', 'for-in over null or a primitive finds no key a schema allows'],
    [181, 'ConditionalExpression', 'a cache: only speed changes'],
    [193, 'ConditionalExpression', 'a cache: only speed changes', {replacement: 'true'}],
    [193, 'ConditionalExpression', 'a cache: only speed changes', {replacement: 'false'}],
    [193, 'EqualityOperator', 'a cache: only speed changes', {replacement: 'tags.size <= 1000'}],
    [193, 'EqualityOperator', 'a cache: only speed changes', {replacement: 'tags.size >= 1000'}],
    [193, 'CallExpression', 'a cache: only speed changes'],
    [201, 'ConditionalExpression', 'WeakMap.get(undefined) is undefined, and no properties write no attribute: the same start tag'],
    [203, 'ConditionalExpression', 'forced false: a cache, only speed changes'],
    [205, 'ConditionalExpression', '`<name>` either way'],
    [205, 'StringLiteral', '`<name>` either way'],
    [206, 'ConditionalExpression', 'a cache: only speed changes'],
    [206, 'BlockStatement', 'a cache: only speed changes'],
    [256, 'UpdateOperator', 'the fragment check sees a change of the count either way'],
    [262, 'ConditionalExpression', 'forced true: counting an element no rule requires changes no check'],
    [269, 'ConditionalExpression', 'the frame path writes the same end tag'],
    [271, 'ConditionalExpression', 'counting an element no rule requires changes no check'],
    [272, 'UnaryOperator', 'its start tag was written: more than one character is always out'],
    [278, 'EqualityOperator', 'equal lengths set the same value'],
    [287, 'ConditionalExpression', 'counting an element no rule requires changes no check'],
    [289, 'ConditionalExpression', "an unwrapped element's end is '', which writes nothing", {column: 13}],
    [289, 'ConditionalExpression', "a non-void element's start is -1, which any length exceeds", {column: 34}],
    [289, 'StringLiteral', "an unwrapped element's end is '', which writes nothing"],
    [289, 'EqualityOperator', "a void element's start is after its start tag, never 0"],
    [331, 'ConditionalExpression', 'a stripped element left open is one more open element, which the depth check sees'],
    [332, 'EqualityOperator', 'equal values set the same value'],
    [338, 'ConditionalExpression', "forced false: [].join('') + html is html"],
    [340, 'ConditionalExpression', 'forced true: emptying an empty list changes nothing'],
    [343, 'ConditionalExpression', 'forced true: emptying an empty list changes nothing'],
    [344, 'ConditionalExpression', 'forced true: emptying an empty map changes nothing'],
    [378, 'ConditionalExpression', 'a primitive has no type property: nothing is written either way'],
    [385, 'ConditionalExpression', "a name that is not a string is in no schema's tagNames: unwrapped like ''"],
    [385, 'StringLiteral', "a name that is not a string is in no schema's tagNames: unwrapped like ''"],
    [409, 'ConditionalExpression', 'typeof forced true: Number.isNaN is false for any non-number'],
    [418, 'ConditionalExpression', 'values is undefined or not empty'],
    [418, 'EqualityOperator', 'values is undefined or not empty'],
    [431, 'EqualityOperator', 'the colon and a stop are different characters, never at one index'],
    [459, 'EqualityOperator', 'the name past the end is undefined, never counted open'],
  ].map(([line, mutator, reason, at]) => ({file: 'packages/content/src/lib/html/compile-safe-html.ts', line, mutator, reason, ...at})),
  // lake-writes
  {file: 'packages/local-lake/src/lib/write/apply-actions.ts', line: 169, mutator: 'ArrayDeclaration', reason: 'a string in place of a missing list names no document: filtered out like no draft'},
  ...[[220, 'OptionalChaining', {endColumn: 120}], [220, 'OptionalChaining', {endColumn: 113}], [221, 'OptionalChaining'], [223, 'OptionalChaining']].map(([line, mutator, at]) => ({file: 'packages/local-lake/src/lib/write/apply-actions.ts', line, mutator, ...at, reason: "every error applyMutations throws for an action's mutations (never none) has one item"})),
  {file: 'packages/local-lake/src/lib/write/apply-actions.ts', line: 238, mutator: 'ConditionalExpression', reason: "typeof _ref forced true: byId holds string ids only, has() is false for any other _ref"},
  ...['ConditionalExpression', 'EqualityOperator'].map((mutator) => ({file: 'packages/local-lake/src/lib/write/apply-mutations.ts', line: 75, mutator, reason: 'with no id deleted there is no dangling reference to find: only speed changes'})),
  {file: 'packages/local-lake/src/lib/write/apply-mutations.ts', line: 80, mutator: 'ArrayDeclaration', reason: 'every changed id was touched by a mutation that reported it'},
  {file: 'packages/local-lake/src/lib/write/apply-mutations.ts', line: 120, mutator: 'ConditionalExpression', reason: 'a deleted document holds no references: strongReferences(undefined) is empty'},
  {file: 'packages/local-lake/src/lib/write/apply-mutations.ts', line: 154, mutator: 'OptionalChaining', reason: "a written document has a non-empty _type (parseMutations), which an absent document's undefined never equals"},
  // localize: the walk's shortcuts (a primitive is returned as it is either way)
  ...[
    [83, 'EqualityOperator', 'the item past the end is undefined, skipped like any primitive'],
    [85, 'LogicalOperator', 'walk() returns a primitive or null unchanged: skipping it only saves the call'],
    [99, 'LogicalOperator', 'walk() returns a primitive or null unchanged: skipping it only saves the call'],
    [107, 'ArrayDeclaration', 'a string item has no language: never served, like no items'],
    [116, 'EqualityOperator', 'the scratch slot past the end is never read'],
    [146, 'ConditionalExpression', 'without the known hash the same comparison is made asynchronously'],
    [146, 'BlockStatement', 'without the known hash the same comparison is made asynchronously'],
  ].map(([line, mutator, reason]) => ({file: 'packages/content/src/lib/locale/localize.ts', line, mutator, reason})),
  // `if (child === null || typeof child !== 'object') continue`, the whole and each side forced false, in the array and the object walk
  ...[
    [85, 13, 56],
    [85, 13, 27],
    [85, 31, 56],
    [99, 11, 54],
    [99, 11, 25],
    [99, 29, 54],
  ].map(([line, column, endColumn]) => ({file: 'packages/content/src/lib/locale/localize.ts', line, column, endColumn, mutator: 'ConditionalExpression', reason: 'walk() returns a primitive or null unchanged: skipping it only saves the call'})),
  // localize: caches that change only speed: paths made once (pathOf), the copy site chosen by field name (copyBySite, every branch the same spread)
  ...[
    [96, 'EqualityOperator'],
    [96, 'StringLiteral'],
    [96, 'ArithmeticOperator'],
    [196, 'ConditionalExpression'],
    [199, 'BlockStatement'],
    [205, 'UpdateOperator'],
    [229, 'EqualityOperator'],
    [229, 'BlockStatement'],
    [231, 'CallExpression'],
    [232, 'ArithmeticOperator'],
    [233, 'CallExpression'],
    ...Array.from({length: 15}, (_, index) => [236 + 2 * index, 'ConditionalExpression']),
  ].map(([line, mutator]) => ({file: 'packages/content/src/lib/locale/localize.ts', line, mutator, reason: 'a cache or copy site: only speed changes'})),
  // The same caches where one condition has two surviving mutants (forced true and false, `>` and `<` for `>=`).
  ...[
    [96, 'ConditionalExpression', 'true'],
    [96, 'ConditionalExpression', 'false'],
    [199, 'ConditionalExpression', 'true'],
    [199, 'ConditionalExpression', 'false'],
    [199, 'EqualityOperator', 'pathCount > 10000'],
    [199, 'EqualityOperator', 'pathCount < 10000'],
    [229, 'ConditionalExpression', 'true'],
    [229, 'ConditionalExpression', 'false'],
    [231, 'ConditionalExpression', 'true'],
    [231, 'ConditionalExpression', 'false'],
    [231, 'EqualityOperator', 'sites.size > 1000'],
    [231, 'EqualityOperator', 'sites.size < 1000'],
  ].map(([line, mutator, replacement]) => ({file: 'packages/content/src/lib/locale/localize.ts', line, mutator, replacement, reason: 'a cache or copy site: only speed changes'})),
  // check-response: what `referenced` remembers holds only objects that passed `object()`
  // (`seen !== undefined && value && typeof value === 'object' && seen.has(value)`, then after
  // check() `if (value && typeof value === 'object')`: the whole and each side forced true).
  {file: 'packages/content/src/lib/reader/check-response.ts', line: 80, column: 40, mutator: 'ConditionalExpression', reason: 'typeof forced true: a non-object is never in the set, has() is false'},
  ...[[9, 43], [18, 43]].map(([column, endColumn]) => ({file: 'packages/content/src/lib/reader/check-response.ts', line: 82, column, endColumn, mutator: 'ConditionalExpression', reason: 'forced true: check() passed, so value is a non-null object'})),
  {file: 'packages/content/src/lib/reader/check-response.ts', line: 82, mutator: 'LogicalOperator', reason: 'check() passed, so value is a non-null object either way'},
]

/**
 * The test files of `selected` modules, globs expanded (Stryker hands them to Vitest as paths).
 * @param {Array<{tests: string[]}>} selected
 */
export function testFilesOf(selected) {
  return [...new Set(selected.flatMap((module) => module.tests.flatMap((pattern) => globSync(pattern))))].sort()
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: {configFile: 'vitest.mutation.config.ts', related: true},
  coverageAnalysis: 'perTest',
  mutate: Object.values(modules).flatMap((module) => module.mutate),
  testFiles: testFilesOf(Object.values(modules)),
  // Mutants of top-level constants run every test again with a fresh module graph: far too
  // slow on two cores. They are reported as ignored.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  timeoutFactor: 2.5,
  dryRunTimeoutMinutes: 30,
  reporters: ['progress-append-only', 'html', 'json', 'clear-text'],
  htmlReporter: {fileName: 'reports/mutation/mutation.html'},
  jsonReporter: {fileName: 'reports/mutation/mutation.json'},
  clearTextReporter: {allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false},
  incrementalFile: 'reports/mutation/incremental/all.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['reports', 'studio/dist', '.sanity', 'coverage', 'test-results', '.tmp'],
  cleanTempDir: true,
}
