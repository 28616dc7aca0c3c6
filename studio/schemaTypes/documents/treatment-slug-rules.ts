import type {RuleProblem} from '../rules/index.ts'
import {publishedIdOf, slugClashProblems, type StoredSlugs} from '../rules/index.ts'

/** What a rule's context offers for the uniqueness check (Sanity's `ValidationContext`). */
interface SlugRuleContext {
  document?: unknown
  getClient: (options: {apiVersion: string}) => {fetch: <R>(query: string, params: Record<string, unknown>) => Promise<R>}
}

// Every other treatment's slugs, drafts included (as Sanity's own slug check does), not release
// versions: a clinic has tens of treatments, so all of them are one small read.
const othersQuery = '*[_type == "treatment" && !(_id in [$id, $draft]) && !(_id in path("versions.**"))]{_id, slug, localizedSlugs}'

/**
 * The Studio's per-locale slug uniqueness: the problems of `document`'s slugs clashing with
 * another treatment's in the locales `which` keeps (the Slug field checks the base locale, the
 * other-languages field the rest, so each message shows at the slug it is about).
 */
export async function slugClashesInStudio(context: SlugRuleContext, which: (locale: string) => boolean): Promise<RuleProblem[]> {
  const document = context.document as StoredSlugs | undefined
  if (typeof document?._id !== 'string') return []
  const id = publishedIdOf(document._id)
  const others = await context.getClient({apiVersion: '2025-02-19'}).fetch<StoredSlugs[]>(othersQuery, {id, draft: `drafts.${id}`})
  return slugClashProblems(document, others)
    .filter((problem) => which(problem.locale))
    .map(({message, path}) => ({message, path}))
}
