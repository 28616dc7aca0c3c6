import {revalidatePath} from 'next/cache'
import {isValidWebhook, signatureHeader} from '../../../lib/verify-webhook.ts'

/** Bodies above this are refused unread: a webhook's projection is a few hundred bytes. */
const maxBodyBytes = 64 * 1024

/**
 * `POST /api/revalidate`: a Sanity webhook (or anything holding the secret) says content changed.
 * The body must be signed with `SANITY_REVALIDATE_SECRET` (`sanity-webhook-signature`); then
 * every page and the sitemap are made again on their next request, without a rebuild. A change
 * can touch any page (a treatment's title is on the list, a slug in the alternates), so all go.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = process.env.SANITY_REVALIDATE_SECRET?.trim()
  if (!secret) return Response.json({error: 'revalidation is off: set SANITY_REVALIDATE_SECRET'}, {status: 503})
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return Response.json({error: 'body too large'}, {status: 413})
  const body = await request.text()
  if (body.length > maxBodyBytes || !(await isValidWebhook(body, request.headers.get(signatureHeader), secret))) {
    return Response.json({error: 'invalid or missing webhook signature'}, {status: 401})
  }
  revalidatePath('/', 'layout')
  revalidatePath('/sitemap.xml')
  return Response.json({revalidated: true})
}
