import {type ClientConfig, createClient} from '@sanity/client'
import type {WorkspaceOptions} from 'sanity'

/** The workspace options that differ when the Studio runs on the local lake. */
export type LocalWorkspaceOptions = Pick<
  WorkspaceOptions,
  'apiHost' | 'auth' | 'unstable_clientFactory' | 'search' | 'tasks' | 'releases' | 'scheduledPublishing' | 'scheduledDrafts' | 'announcements' | 'mediaLibrary' | 'apps'
>

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
 * @returns the workspace options to spread into `defineConfig`
 * @public
 */
export function localWorkspace(projectId: string): LocalWorkspaceOptions {
  const location = (globalThis as {location?: {protocol: string; port: string; origin: string}}).location
  const inBrowser = location !== undefined && /^https?:$/.test(location.protocol)
  const port = inBrowser ? location.port || DEFAULT_PORT : DEFAULT_PORT
  // Every Studio client goes to the page's own origin. The workspace `apiHost` is only what
  // Sanity's SDK sees: it puts the project id in front of the host, which gives the same origin
  // again when the Studio is opened at https://<projectId>.localhost:PORT.
  const origin = inBrowser ? location.origin : `https://${projectId}.localhost:${port}`
  return {
    apiHost: `https://localhost:${port}`,
    // No accounts: the token in the address `pnpm studio` prints is the only way in. The one
    // "provider" is a page (studio/static/) that says so, instead of Sanity's login services.
    auth: {loginMethod: 'token', providers: [{name: 'local-token', title: 'How to log in: open the address pnpm studio printed', url: '/static/login-help.html'}]},
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
