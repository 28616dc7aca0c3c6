import {readFileSync} from 'node:fs'

/** A file the site serves as is. */
export interface StaticAsset {
  contentType: string
  body: Buffer
}

/** `/styles.css` and `/favicon.svg`, read once when the site is created. */
export function loadStaticAssets(): ReadonlyMap<string, StaticAsset> {
  const read = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url))
  return new Map([
    ['/styles.css', {contentType: 'text/css; charset=utf-8', body: read('styles.css')}],
    ['/favicon.svg', {contentType: 'image/svg+xml', body: read('favicon.svg')}],
  ])
}
