import {connect} from 'node:net'
import {setTimeout as sleep} from 'node:timers/promises'
import {expect, it} from 'vitest'
import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {defaultDatasetPath} from './content-from-env.ts'
import {startSite} from './start-site.ts'

it('closes at once while a browser holds a connection it sent no request on (a preconnect)', async () => {
  const site = await startSite({content: createTreatmentContent({source: localDataset(defaultDatasetPath)}), port: 0})
  const socket = connect(site.port, '127.0.0.1')
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  // Node's headers timeout (60 s) would close it in the end; the test's timeout is far shorter.
  const closed = await Promise.race([site.close().then(() => 'closed'), sleep(5_000, 'still open')])
  socket.destroy()
  expect(closed).toBe('closed')
  await ended
})
