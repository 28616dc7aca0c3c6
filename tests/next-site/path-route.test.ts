import {beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {pathRoute, withoutTrailingSlash} from '../../packages/next-site/lib/path-route.ts'

// The Next.js site's routing rules in-process, on the embedded dataset (the proxy that answers
// with them is tested in next-site.test.ts against the built site).

beforeAll(() => {
  // Read by the site's reader on first use; `next start` runs in the package's directory instead.
  process.env.CONTENT_DATASET = defaultDatasetPath
})

describe('pathRoute', () => {
  it.each([
    ['/it', {to: 'redirect', path: '/it/treatments'}],
    ['/it/', {to: 'redirect', path: '/it/treatments'}],
    ['/it/treatments/', {to: 'redirect', path: '/it/treatments'}],
    ['/it/treatments/mesoterapia-cellulite/', {to: 'redirect', path: '/it/treatments/mesoterapia-cellulite'}],
    // Another locale's slug, with and without the slash: straight to this locale's.
    ['/it/treatments/mesotherapy-cellulite', {to: 'redirect', path: '/it/treatments/mesoterapia-cellulite'}],
    ['/it/treatments/mesotherapy-cellulite//', {to: 'redirect', path: '/it/treatments/mesoterapia-cellulite'}],
    ['/it/treatments/mesoterapia-cellulite', {to: 'page'}],
    ['/it/treatments/no-such-treatment', {to: 'not-found'}],
    ['/it/treatments/no-such-treatment/', {to: 'not-found'}],
    ['/fr/treatments/mesotherapy-cellulite', {to: 'not-found'}],
    ['/a/b/c/', {to: 'redirect', path: '/a/b/c'}],
    ['/fr', {to: 'page'}],
  ] as const)('%s → %j', async (path, route) => {
    expect(await pathRoute(path)).toEqual(route)
  })

  it.each(['/%5Cevil.example/', '/%2Fevil.example/', '//evil.example/', '/\\evil.example/', '/sitemap.xml/', '/it/treatments/%2F%2Fevil.example/'])(
    'never makes a Location of %s, which is not of the site’s own segments',
    async (path) => {
      expect(withoutTrailingSlash(path)).toBeUndefined()
      expect(await pathRoute(path)).toEqual({to: 'page'})
    },
  )
})
