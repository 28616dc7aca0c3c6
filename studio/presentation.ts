import {locales} from '@treatments/content/locales'
import type {PluginOptions} from 'sanity'
import {defineLocations, presentationTool} from 'sanity/presentation'
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
    resolve: {
      locations: {
        treatment: defineLocations({
          // Not `title`: Sanity checks a selected `title` is a string, and ours is one per language.
          select: {titles: 'title', slug: 'slug.current', localizedSlugs: 'localizedSlugs'},
          resolve: (document) =>
            typeof document?.slug === 'string'
              ? {
                  locations: locales.map(({id, title}) => ({
                    title: `${textIn(document.titles, id) ?? textIn(document.titles) ?? document.slug} (${title})`,
                    // Each language's page at its own slug (the site would redirect the English one there).
                    href: `/preview/${id}/treatments/${textIn(document.localizedSlugs, id) ?? document.slug}`,
                  })),
                }
              : {message: 'Give the treatment a slug to preview it', tone: 'caution'},
        }),
      },
    },
  })
}
