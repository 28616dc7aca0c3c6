import {escapeHtml} from '@treatments/content/ui-strings'

/**
 * HTML that is already safe: markup written in this site's templates, or a fragment the
 * content package built and sanitized. Made only by {@link html} and {@link trustedHtml}.
 */
export class SafeHtml {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

/**
 * A tagged template for HTML: every interpolated value is escaped (strings, numbers), except
 * `SafeHtml`, which is inserted as is; arrays are joined; `null`, `undefined` and `false` give
 * nothing. Text never becomes markup by concatenation.
 *
 * @example
 * ```ts
 * html`<h1>${title}</h1>${trustedHtml(section.html)}`
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(out)
}

/**
 * Mark a string as safe HTML. Only for markup the content package sanitized
 * (`section.html`, `titleHtml`) or JSON from `serializeJsonLd`.
 */
export function trustedHtml(value: string): SafeHtml {
  if (typeof value !== 'string') throw new TypeError(`\`trustedHtml\` expects a string, got ${typeof value}`)
  return new SafeHtml(value)
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value))
  throw new TypeError(`\`html\` cannot interpolate ${typeof value}; pass text, a number, SafeHtml or an array of them`)
}
