import type {Options as SanitizeSchema} from 'rehype-sanitize'

/** The only elements rendered HTML may contain. */
const allowedTagNames = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a', 'blockquote', 'br']

/**
 * The `rehype-sanitize` schema every rendered HTML tree passes through, as a second guard behind
 * the safe-by-construction Markdown tree: the elements rendering produces, `href` on links (only
 * `http`, `https`, `mailto`, `tel`), `id` on headings and nothing else. Every key of
 * `rehype-sanitize`'s `defaultSchema` (GitHub's) is set here, so nothing is inherited from it
 * and it is not bundled (it was 0.8 kB of the renderer's browser bundle). Heading ids are kept as generated (no `user-content-` clobber prefix): they
 * are derived from heading text, and `idPrefix` namespaces them when a page needs it.
 *
 * @internal
 */
export const renderSanitizeSchema: SanitizeSchema = {
  tagNames: allowedTagNames,
  attributes: {a: ['href'], h2: ['id'], h3: ['id'], h4: ['id']},
  ancestors: {li: ['ol', 'ul']},
  protocols: {href: ['http', 'https', 'mailto', 'tel']},
  clobber: [],
  clobberPrefix: '',
  required: {},
  strip: ['script', 'style'],
  allowComments: false,
  allowDoctypes: false,
}
