import {type ClientConfig, createClient} from '@sanity/client'
import type {WorkspaceOptions} from 'sanity'

/** The workspace options that differ when the Studio runs on the local lake. */
export type LocalWorkspaceOptions = Pick<
  WorkspaceOptions,
  'apiHost' | 'auth' | 'unstable_clientFactory' | 'search' | 'tasks' | 'releases' | 'scheduledPublishing' | 'scheduledDrafts' | 'announcements' | 'mediaLibrary' | 'apps'
>

/** Where Sanity's auth store keeps the token it took from `#token=` (`{token}` as JSON). */
const tokenStorageKey = (projectId: string) => `__studio_auth_token_${projectId}`

/**
 * The login screen's one button. Its title is read when the screen is drawn: the Studio shows
 * that screen only when the lake answered 401, so a token kept in this browser then was refused
 * (the server was started with another token), and the button says so. Titles stay short: the
 * login dialog cuts longer ones off.
 */
function localTokenProvider(projectId: string): {name: string; title: string; url: string} {
  return {
    name: 'local-token',
    get title() {
      return hasStoredToken(projectId) ? 'Token refused: how to log in' : 'How to log in'
    },
    url: '/static/login-help.html',
  }
}

function hasStoredToken(projectId: string): boolean {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(tokenStorageKey(projectId)) ?? 'null') as {token?: unknown} | null
    return typeof stored?.token === 'string'
  } catch {
    return false
  }
}

/** The port `pnpm studio` serves on when the page's own address cannot tell (build time). */
const DEFAULT_PORT = '3333'

/**
 * Options for a workspace served by `pnpm studio` from the local lake: the Studio and the API
 * share one origin (`https://local.localhost:PORT`, so one certificate exception and no CORS),
 * login is a token in the URL hash (no redirect to sanity.io), search uses GROQ the local lake
 * can evaluate, and the features that need Sanity's hosted services (comments, tasks, releases,
 * scheduling, media library, canvas) are switched off (comments are switched off in
 * `document.comments`, which is not a workspace option). History needs the hosted history API
 * and shows its own "could not load" state.
 *
 * @param projectId - the project id the Studio was built with (`local`)
 * @param lakeUrl - where the lake is when it is not the page's own origin (the dev server)
 * @returns the workspace options to spread into `defineConfig`
 * @public
 */
export function localWorkspace(projectId: string, lakeUrl?: string): LocalWorkspaceOptions {
  const location = (globalThis as {location?: {protocol: string; port: string; origin: string}}).location
  const inBrowser = location !== undefined && /^https?:$/.test(location.protocol)
  // The lake is the page's own origin (the built Studio served by `pnpm studio`), or, for the dev
  // server (`pnpm studio --dev`), the lake's address in SANITY_STUDIO_LAKE_URL.
  const lake = lakeUrl ? new URL(lakeUrl) : inBrowser ? new URL(location.origin) : new URL(`https://${projectId}.localhost:${DEFAULT_PORT}`)
  const port = lake.port || DEFAULT_PORT
  // Every Studio client goes to the lake. The workspace `apiHost` is only what Sanity's SDK sees:
  // it puts the project id in front of the host, which gives the lake's address again.
  const origin = lake.origin
  return {
    apiHost: `https://localhost:${port}`,
    // No accounts: the token in the address `pnpm studio` prints is the only way in. The one
    // "provider" is a page (studio/static/) that says so, instead of Sanity's login services.
    auth: {loginMethod: 'token', providers: [localTokenProvider(projectId)]},
    unstable_clientFactory: (options: ClientConfig) => createClient({...options, apiHost: origin, useProjectHostname: false}),
    search: {strategy: 'groqLegacy'},
    tasks: {enabled: false},
    releases: {enabled: false},
    scheduledPublishing: {enabled: false},
    scheduledDrafts: {enabled: false},
    announcements: {enabled: false},
    mediaLibrary: {enabled: false},
    apps: {canvas: {enabled: false}},
  }
}
