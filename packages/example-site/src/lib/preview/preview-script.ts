import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const entry = fileURLToPath(new URL('../../preview-client/preview-client.ts', import.meta.url))

/** The bundled preview script and the stylesheet its overlays import (`@sanity/ui`). */
export interface PreviewAssets {
  js: Buffer
  css: Buffer
}

let bundle: Promise<PreviewAssets> | undefined

/**
 * The preview's browser script (`preview-client.ts`: Sanity's overlays, navigation, live
 * updates, the page written from the Studio's unsaved state) and its stylesheet, bundled once per process with esbuild on first use. Served only
 * in draft mode, so public pages load no script at all.
 */
export function previewAssets(): Promise<PreviewAssets> {
  bundle ??= build({
    entryPoints: {'visual-editing': entry},
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    // Not written: names the outputs (a .js and the .css it imports).
    outdir: '/preview',
    legalComments: 'none',
    logLevel: 'silent',
    define: {'process.env.NODE_ENV': '"production"'},
    // The workspace packages' TypeScript sources, as the site itself runs them.
    conditions: ['@treatments/source'],
    // `@treatments/content/dataset` also holds file helpers; the script uses only its query
    // runner, and the package has no side effects, so they are dropped (a test checks).
    external: ['node:*'],
  }).then((result) => {
    const output = (extension: string) => Buffer.from(result.outputFiles.find((file) => file.path.endsWith(extension))?.contents ?? new Uint8Array())
    return {js: output('.js'), css: output('.css')}
  })
  // A failed build is tried again on the next request instead of failing forever.
  bundle.catch(() => {
    bundle = undefined
  })
  return bundle
}
