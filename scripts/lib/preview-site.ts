import {createClient} from '@sanity/client'
import {createTreatmentContent, defaultApiVersion} from '@treatments/content'
import {startSite, type RunningSite} from '@treatments/example-site'
import {dirname} from 'node:path'

import {trustLocalCertificate, type StudioLake} from '@treatments/local-lake'

import {previewSitePort} from '../../studio/preview-url.ts'

/**
 * The example site in preview mode beside a Studio on the local lake, where the Studio's
 * Presentation tool looks for it (`http://127.0.0.1:<Studio port + 1>`). Public pages read
 * published content anonymously; draft mode reads drafts with the lake's token, server-side.
 * The lake's self-signed certificate is trusted in this process, for the site's requests to it.
 */
export async function startPreviewSite(studio: StudioLake, port = previewSitePort(studio.port)): Promise<RunningSite> {
  await trustLocalCertificate(dirname(studio.certificate.certFile))
  const apiHost = `https://localhost:${studio.port}`
  const project = {projectId: 'local', dataset: 'production', apiVersion: defaultApiVersion}
  const client = createClient({...project, apiHost, useProjectHostname: false, useCdn: false, token: studio.token})
  const content = createTreatmentContent({source: {...project, apiHost}})
  return startSite({content, port, preview: {client, studioOrigins: [new URL(studio.url).origin]}})
}
