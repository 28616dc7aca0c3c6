import {toHTML} from '@portabletext/to-html'
import {fallbackChain} from '@treatments/content/locales'

/**
 * The do-it-yourself static build a developer would write without this package: one GROQ query
 * for the whole published treatments (references expanded), then per page the first locale of
 * the chain with text, `@portabletext/to-html` for rich text and string templates for the lists.
 * No fallback report, no stale check, no sanitizer. The benches run it in-process over groq-js,
 * and end to end in a fresh process (groq-js over the NDJSON file, or `@sanity/client` against
 * the lake).
 */
export const diyQuery = `*[_type == "treatment" && defined(slug.current) && !(_id in path("drafts.**"))] | order(slug.current asc){
  ...,
  "condition": condition->,
  "ingredients": ingredients[]{..., "ingredient": ingredient->},
  "effects": effects[]->,
  "sideEffects": sideEffects[]->,
  "contraindications": contraindications[]->
}`

interface Item {
  language?: string
  _key?: string
  value?: unknown
}
type Doc = Record<string, unknown>

/** Calls `write(slug, html)` for every treatment's page in `locale`; returns the number of pages. */
export function diyPages(treatments: readonly Doc[], locale: string, write: (slug: string, html: string) => void): number {
  const chain = fallbackChain(locale)
  const text = (field: unknown): string => {
    const value = pick(field, chain)
    return typeof value === 'string' ? escape(value) : ''
  }
  const rich = (field: unknown): string => {
    const value = pick(field, chain)
    return Array.isArray(value) ? toHTML(value as Parameters<typeof toHTML>[0]) : ''
  }
  const list = (items: unknown, render: (item: Doc) => string) =>
    `<ul>${(Array.isArray(items) ? (items as Doc[]) : []).map((item) => `<li>${render(item)}</li>`).join('')}</ul>`
  for (const treatment of treatments) {
    const html = `<article lang="${locale}">
<h1>${text(treatment.title)}</h1>
<p>${text(treatment.summary)}</p>
${rich(treatment.body)}
<h2>Who it is for</h2><p>${text((treatment.condition as Doc | null)?.name)}</p>
<h2>Who cannot have it</h2>${list(treatment.contraindications, (item) => text(item.text))}
<h2>How it is done</h2>${rich(treatment.howPerformed)}
<h2>Ingredients</h2>${list(treatment.ingredients, (item) => `${text((item.ingredient as Doc | null)?.name)}: ${text(item.role)}`)}
<h2>Results</h2>${list(treatment.effects, (item) => text(item.text))}
<h2>Side effects</h2>${list(treatment.sideEffects, (item) => text(item.text))}
<h2>When to get help</h2>${list(treatment.sideEffects, (item) => text(item.whenToSeekHelp))}
<h2>Disclaimer</h2>${rich(treatment.disclaimer)}${text(treatment.disclaimer)}
</article>`
    write((treatment.slug as {current: string}).current, html)
  }
  return treatments.length
}

/** The first locale of the chain whose item has a non-blank value. */
function pick(field: unknown, chain: readonly string[]): unknown {
  if (!Array.isArray(field)) return undefined
  for (const locale of chain) {
    const item = (field as Item[]).find((candidate) => (candidate.language ?? candidate._key) === locale)
    const value = item?.value
    if (typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) && value.length > 0) return value
  }
  return undefined
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
