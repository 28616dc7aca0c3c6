import type {BrowserContext, Page} from 'playwright-core'

/**
 * Everything a page should never do, collected from every page of a browser context: console
 * errors and warnings (CSP violations are reported there), uncaught page errors, failed
 * requests, and dialogs (`alert`, `confirm`, `prompt`), which are dismissed.
 */
export function watchProblems(context: BrowserContext): string[] {
  const problems: string[] = []
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`))
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'unknown'
      // The browser aborts a page's pending favicon request when the test navigates on: not a page fault.
      if (reason === 'net::ERR_ABORTED' && request.resourceType() !== 'document' && new URL(request.url()).pathname === '/favicon.svg') return
      problems.push(`request failed: ${request.url()} (${reason})`)
    })
    page.on('dialog', (dialog) => {
      problems.push(`dialog ${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })
  }
  context.on('page', watch)
  for (const page of context.pages()) watch(page)
  return problems
}
