import type {enUiStrings} from './en-ui-strings.ts'

/** `T` with every string literal widened to `string`. */
type Widen<T> = {-readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]>}

/**
 * The shape of one locale's UI strings: the same keys as the English catalog, nested groups
 * included, with any text. Typing a catalog with it makes a missing key a compile error.
 *
 * @public
 */
export type UiCatalog = Widen<typeof enUiStrings>

/** Dotted paths to the strings of `T`. */
type LeafPaths<T> = {[K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`}[keyof T & string]

/** i18next plural suffixes (CLDR categories). */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'

/**
 * A key to pass to `t()`: a dotted path (`bodyArea.abdomen`), with plural keys named without
 * their suffix (`sessionsRange`, not `sessionsRange_one`).
 *
 * @public
 */
export type UiStringKey = LeafPaths<typeof enUiStrings> extends infer Path
  ? Path extends `${infer Base}_${PluralSuffix}`
    ? Base
    : Path
  : never
