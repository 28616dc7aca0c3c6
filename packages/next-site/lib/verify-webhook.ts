import {decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME} from '@sanity/webhook'

/** The header a Sanity webhook (or the test's lake client) signs its body in. */
export const signatureHeader = SIGNATURE_HEADER_NAME

/** How old a signature may be: a captured call cannot be replayed later. */
const maxAgeMs = 5 * 60_000

/**
 * Whether `body` was signed with `secret` in the last five minutes, by `@sanity/webhook`'s
 * HMAC-SHA256 (`t=<ms>,v1=<signature>`). A malformed header is simply not valid.
 */
export async function isValidWebhook(body: string, signature: string | null, secret: string, now = Date.now()): Promise<boolean> {
  if (!signature) return false
  try {
    if (Math.abs(now - decodeSignatureHeader(signature).timestamp) > maxAgeMs) return false
    return await isValidSignature(body, signature, secret)
  } catch {
    return false
  }
}
