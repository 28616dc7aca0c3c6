import type {Options as SanitizeSchema} from 'rehype-sanitize'
import {renderSanitizeSchema} from '../render/render-sanitize-schema.ts'

/**
 * Every class name page HTML uses; the sanitizer drops any other.
 *
 * @internal
 */
export const pageClassNames = [
  'section',
  'section-overview',
  'section-who-it-is-for',
  'section-who-cannot-have-it',
  'section-how-it-is-done',
  'section-results',
  'section-side-effects',
  'section-when-to-get-help',
  'section-sources',
  'section-review',
  'section-disclaimer',
  'summary',
  'rich-text',
  'facts',
  'item-list',
  'item',
  'item-title',
  'item-detail',
  'contraindication',
  'side-effect',
  'severity-expected',
  'severity-serious',
  'protocol',
  'tag',
  'tag-absolute',
  'tag-relative',
  'tag-onset',
  'tag-class',
  'note',
  'note-untranslated',
  'note-review',
  'note-clinic',
  'missing-text',
  'marker-untranslated',
  'marker-line',
  'visually-hidden',
  'claim',
  'claim-list',
  'banner',
  'banner-reviewed',
  'banner-unreviewed',
  'banner-status',
  'banner-advice',
  'source-language',
] as const

/** The elements of page HTML: those of rendered rich text (`h5` for body headings moved under section headings) and the page's own. */
const pageTagNames = [...(renderSanitizeSchema.tagNames ?? []), 'h5', 'section', 'aside', 'div', 'span', 'dl', 'dt', 'dd']

/** BCP 47-shaped values only, for `lang`. */
const languageTag = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/

const common: NonNullable<SanitizeSchema['attributes']>[string] = [['lang', languageTag], ['className', ...pageClassNames]]

/**
 * The `rehype-sanitize` schema every page fragment passes through before it is serialized: the
 * rich-text schema (`renderSanitizeSchema`) extended with the page's structure elements
 * (`section`, `aside`, `div`, `span`, `dl`, `dt`, `dd`, `h5`), `lang` (language tags only) and
 * the page's own class names on every element, `id` on sections and headings,
 * `aria-labelledby` on sections and `aria-hidden="true"` on spans (the visible half of a marker
 * whose accessible text is beside it). Links keep only `http`, `https`, `mailto` and `tel` URLs.
 *
 * @internal
 */
export const pageSanitizeSchema: SanitizeSchema = {
  ...renderSanitizeSchema,
  tagNames: pageTagNames,
  attributes: {
    ...renderSanitizeSchema.attributes,
    '*': common,
    section: ['id', 'ariaLabelledBy'],
    // `data-sanity`: where a text comes from, only when the caller asked (`sourceAttribute`, a preview).
    span: [['ariaHidden', 'true'], 'dataSanity'],
    div: ['dataSanity'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
  },
}
