import {X509Certificate, createPrivateKey} from 'node:crypto'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {getCACertificates, setDefaultCACertificates} from 'node:tls'

import {generate} from 'selfsigned'

/** A TLS key and certificate in PEM form, and where they are stored. */
export interface LocalCertificate {
  key: string
  cert: string
  /** The certificate file (to import it into a browser or the system's trust store). */
  certFile: string
  /** SHA-256 fingerprint, as browsers show it. */
  fingerprint: string
  /** Whether this call created the certificate (first start, or the old one expired). */
  created: boolean
}

/** Names every local certificate covers: the Studio opens at `<projectId>.localhost`. */
const BASE_HOSTS = ['localhost', '*.localhost']
const IPS = ['127.0.0.1', '::1']
/** A certificate with less validity left than this is replaced. */
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000
const VALID_DAYS = 825

/**
 * The default folder for the local certificate: `$XDG_CACHE_HOME/treatments/tls`, else
 * `~/.cache/treatments/tls`. Outside the repository, so a key never gets committed.
 */
export function defaultCertificateDir(): string {
  const cache = process.env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache')
  return join(cache, 'treatments', 'tls')
}

/**
 * Returns the self-signed TLS certificate for `localhost`, `*.localhost` and each of
 * `extraHosts` (e.g. `local.localhost`, listed by name because browsers do not all accept a
 * wildcard directly under `localhost`), plus 127.0.0.1 and ::1. Made with `selfsigned` at first
 * use and stored in `dir` (`key.pem`, `cert.pem`, mode 0600 for the key); reused while it is valid
 * for 7 more days and covers every host asked for.
 *
 * @param dir - where to keep the key and certificate (default {@link defaultCertificateDir})
 * @param extraHosts - more DNS names the certificate must cover
 */
export async function loadLocalCertificate(dir: string = defaultCertificateDir(), extraHosts: readonly string[] = []): Promise<LocalCertificate> {
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  const existing = await readExisting(keyFile, certFile)
  const wanted = [...BASE_HOSTS, ...extraHosts]
  if (existing?.usable === true && wanted.every((host) => existing.hosts.includes(host))) {
    return {key: existing.key, cert: existing.cert, fingerprint: existing.fingerprint, certFile, created: false}
  }
  // A new certificate keeps the names the old one had, so two workspaces can share it.
  const hosts = [...new Set([...wanted, ...(existing?.hosts ?? [])])]

  const notBeforeDate = new Date(Date.now() - 60_000)
  const pems = await generate([{name: 'commonName', value: 'localhost'}, {name: 'organizationName', value: 'Treatments local lake'}], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 60 * 60 * 1000),
    extensions: [
      {name: 'basicConstraints', cA: false},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true},
      {name: 'extKeyUsage', serverAuth: true},
      {name: 'subjectAltName', altNames: [...hosts.map((value) => ({type: 2 as const, value})), ...IPS.map((ip) => ({type: 7 as const, ip}))]},
    ],
  })
  await mkdir(dir, {recursive: true, mode: 0o700})
  // Write both under temporary names first, so a reader never sees a key without its certificate.
  await writeFile(`${keyFile}.tmp`, pems.private, {mode: 0o600})
  await writeFile(`${certFile}.tmp`, pems.cert, {mode: 0o644})
  await rename(`${keyFile}.tmp`, keyFile)
  await rename(`${certFile}.tmp`, certFile)
  return {key: pems.private, cert: pems.cert, certFile, fingerprint: new X509Certificate(pems.cert).fingerprint256, created: true}
}

interface ExistingCertificate {
  key: string
  cert: string
  fingerprint: string
  hosts: string[]
  /** Valid for long enough, and the key matches. */
  usable: boolean
}

async function readExisting(keyFile: string, certFile: string): Promise<ExistingCertificate | undefined> {
  let key: string
  let cert: string
  try {
    ;[key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')])
  } catch {
    return undefined
  }
  try {
    const x509 = new X509Certificate(cert)
    const hosts = (x509.subjectAltName ?? '').split(', ').filter((entry) => entry.startsWith('DNS:')).map((entry) => entry.slice(4))
    const usable = Date.parse(x509.validTo) - Date.now() >= RENEW_BEFORE_MS && x509.checkPrivateKey(createPrivateKey(key))
    return {key, cert, fingerprint: x509.fingerprint256, hosts, usable}
  } catch {
    // Unreadable or corrupt: make a new one.
    return undefined
  }
}

/**
 * Makes this process trust the local certificate (in `dir`) for HTTPS requests, in addition to
 * the usual certificate authorities, so a Node client (a script, the example site) can talk to the
 * lake `pnpm studio` serves over HTTPS. The same as starting Node with
 * `NODE_EXTRA_CA_CERTS=<dir>/cert.pem`.
 *
 * @returns whether a certificate was found and trusted
 */
export async function trustLocalCertificate(dir: string = defaultCertificateDir()): Promise<boolean> {
  let cert: string
  try {
    cert = await readFile(join(dir, 'cert.pem'), 'utf8')
  } catch {
    return false
  }
  const trusted = getCACertificates('default')
  if (!trusted.includes(cert)) setDefaultCACertificates([...trusted, cert])
  return true
}
