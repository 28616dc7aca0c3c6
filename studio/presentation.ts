import {locales} from '@treatments/content/locales'
import {map} from 'rxjs'
import type {PluginOptions} from 'sanity'
import {presentationTool, type DocumentLocationResolver, type DocumentLocationsState} from 'sanity/presentation'
import {previewSiteOrigin} from './preview-url.ts'

/** The non-blank text of an internationalized-array field in `locale`, or in any language without one. */
function textIn(items: unknown, locale?: string): string | undefined {
  if (!Array.isArray(items)) return undefined
  const found = (items as Array<{language?: string; value?: unknown}>).find(
    (item) => (locale === undefined || item.language === locale) && typeof item.value === 'string' && item.value.trim() !== '',
  )
  return found?.value as string | undefined
}

/**
 * The Presentation tool: the site's draft preview beside the form, click a text to edit its
 * field. The site enters draft mode at `/preview/enable` (the Studio writes a short-lived
 * secret the site checks server-side). A treatment is shown in every locale, so a reviewer can
 * check each translation and its fallbacks on the page.
 */
export function presentation(local: boolean): PluginOptions | undefined {
  const origin = (studioOrigin: string) => previewSiteOrigin(studioOrigin, process.env.SANITY_STUDIO_PREVIEW_URL?.trim(), local)
  // A hosted project without SANITY_STUDIO_PREVIEW_URL has no site to show.
  if (!local && !process.env.SANITY_STUDIO_PREVIEW_URL?.trim()) return undefined
  return presentationTool({
    title: 'Preview',
    previewUrl: {
      initial: ({origin: studioOrigin}) => `${origin(studioOrigin)}/preview/${locales[0]!.id}/treatments`,
      previewMode: {enable: '/preview/enable', shareAccess: false},
    },
    allowOrigins: ({origin: studioOrigin}) => [origin(studioOrigin)!],
    resolve: {locations: treatmentLocations},
  })
}

/** The treatments a document appears on: itself for a treatment, else those that reference it. */
const pagesQuery = `*[_type == "treatment" && (_id == $id || references($id))] | order(slug.current asc){_id, "titles": title, "slug": slug.current, localizedSlugs}`
/** The document types whose texts a treatment page shows (and so can be previewed). */
export const shownTypes: ReadonlySet<string> = new Set(['treatment', 'condition', 'ingredient', 'effect', 'sideEffect', 'contraindication'])

interface TreatmentPages {
  _id: string
  titles?: unknown
  slug?: unknown
  localizedSlugs?: unknown
}

/**
 * Where a document is shown: each treatment page it appears on, in every locale, at that
 * locale's slug. A contraindication or a side effect lists the treatment pages that show it,
 * so a reviewer can check its text on each, in each language. Follows drafts as they change.
 */
const treatmentLocations: DocumentLocationResolver = (params, context) => {
  if (!shownTypes.has(params.type)) return null
  const id = params.id.replace(/^drafts\./, '')
  return context.documentStore.listenQuery(pagesQuery, {id}, {perspective: params.perspectiveStack}).pipe(
    map((found: TreatmentPages[] | null): DocumentLocationsState => {
      const treatments = (found ?? []).filter((treatment) => typeof treatment.slug === 'string')
      if (treatments.length === 0) {
        return params.type === 'treatment' ? {message: 'Give the treatment a slug to preview it', tone: 'caution'} : {message: 'Not shown on any treatment page yet', tone: 'caution'}
      }
      return {
        locations: treatments.flatMap((treatment) =>
          locales.map(({id: locale, title}) => ({
            title: `${textIn(treatment.titles, locale) ?? textIn(treatment.titles) ?? treatment.slug} (${title})`,
            // Each language's page at its own slug (the site would redirect the English one there).
            href: `/preview/${locale}/treatments/${textIn(treatment.localizedSlugs, locale) ?? treatment.slug}`,
          })),
        ),
      }
    }),
  )
}
