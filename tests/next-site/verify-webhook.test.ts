import {encodeSignatureHeader} from '@sanity/webhook'
import {describe, expect, it} from 'vitest'
import {isValidWebhook} from '../../packages/next-site/lib/verify-webhook.ts'

// The Next.js site's revalidation route trusts a call only with this check (the route itself is
// tested in next-site.test.ts against the built site).

const secret = 'a-shared-secret'
const body = '{"_id":"treatment-mesotherapy-cellulite"}'
const now = Date.UTC(2026, 11, 6, 12)

describe('isValidWebhook', () => {
  it('accepts the body signed with the secret in the last five minutes', async () => {
    expect(await isValidWebhook(body, await encodeSignatureHeader(body, now, secret), secret, now)).toBe(true)
    expect(await isValidWebhook(body, await encodeSignatureHeader(body, now - 4 * 60_000, secret), secret, now)).toBe(true)
  })

  it('refuses another secret, another body, an old or future signature, and no or a malformed header', async () => {
    expect(await isValidWebhook(body, await encodeSignatureHeader(body, now, 'other'), secret, now)).toBe(false)
    expect(await isValidWebhook(`${body} `, await encodeSignatureHeader(body, now, secret), secret, now)).toBe(false)
    expect(await isValidWebhook(body, await encodeSignatureHeader(body, now - 6 * 60_000, secret), secret, now)).toBe(false)
    expect(await isValidWebhook(body, await encodeSignatureHeader(body, now + 6 * 60_000, secret), secret, now)).toBe(false)
    for (const header of [null, '', 't=1', 'v1=abc', `t=${now},v1=`]) expect(await isValidWebhook(body, header, secret, now), String(header)).toBe(false)
  })
})
