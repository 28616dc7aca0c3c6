import {revalidatePath} from 'next/cache'
import {contentFromEnv, replaceSiteContent} from '../../../lib/content.ts'
import {readEverything} from '../../../lib/read-everything.ts'
import {isValidWebhook, signatureHeader} from '../../../lib/verify-webhook.ts'

/** Bodies above this are refused unread: a webhook's projection is a few hundred bytes. */
const maxBodyBytes = 64 * 1024

/**
 * `POST /api/revalidate`: a Sanity webhook (or anything holding the secret) says content changed.
 * The body must be signed with `SANITY_REVALIDATE_SECRET` (`sanity-webhook-signature`). The
 * content is then read in full by a new reader; only when the source answered does that reader
 * become the site's, and every page and the sitemap is made again on its next request, from its
 * answers, without a rebuild (a change can touch any page: a title is on the list, a slug in the
 * alternates). When it did not, the pages stay as they are and the
 * answer is 503, which Sanity retries.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = process.env.SANITY_REVALIDATE_SECRET?.trim()
  if (!secret) return Response.json({error: 'revalidation is off: set SANITY_REVALIDATE_SECRET'}, {status: 503})
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return Response.json({error: 'body too large'}, {status: 413})
  const body = await request.text()
  if (body.length > maxBodyBytes || !(await isValidWebhook(body, request.headers.get(signatureHeader), secret))) {
    return Response.json({error: 'invalid or missing webhook signature'}, {status: 401})
  }
  // A new reader, so that nothing comes from the cache of the one the pages were made with.
  const content = contentFromEnv()
  try {
    await readEverything(content)
  } catch (error) {
    // One line in the server log: the source is down, nothing is wrong with the site.
    console.error(`revalidation refused: ${(error as Error).message}`)
    return Response.json({error: 'the content source cannot be read; the pages are kept as they are'}, {status: 503, headers: {'Retry-After': '30'}})
  }
  replaceSiteContent(content)
  revalidatePath('/', 'layout')
  revalidatePath('/sitemap.xml')
  return Response.json({revalidated: true})
}
