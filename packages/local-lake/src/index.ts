export {createLocalLakeHandler, type LocalLakeHandler} from './lib/server/create-local-lake-handler.ts'
export {DatasetLock, type DatasetLockOwner, lockFileOf, readDatasetLock} from './lib/store/dataset-lock.ts'
export {documentIdProblem} from './lib/write/document-id.ts'
export type {DatasetWriter} from './lib/store/dataset-store.ts'
export {type DocumentVersion, documentVersions} from './lib/history/document-versions.ts'
export {
  type HistoryDocumentChange,
  type HistoryEntry,
  type HistoryRepair,
  historyFileOf,
  readHistoryLog,
} from './lib/history/history-log.ts'
export type {DatasetSource, LocalLakeOptions, StartLocalLakeOptions} from './lib/lake-options.ts'
export {
  isLocalLakeError,
  LocalLakeError,
  type LocalLakeErrorCode,
  type LocalLakeErrorLocation,
} from './lib/local-lake-error.ts'
export {authorIdentity, LOCAL_LAKE_USER_ID} from './lib/lake-identity.ts'
export {defaultCertificateDir, type LocalCertificate, loadLocalCertificate, trustLocalCertificate} from './lib/server/local-certificate.ts'
export {type LocalToken, loadLocalToken} from './lib/server/local-token.ts'
export type {Perspective} from './lib/query/perspective.ts'
export {type StartStudioLakeOptions, type StudioLake, startStudioLake} from './lib/server/start-studio-lake.ts'
export {
  type LocalLake,
  type LocalLakeClientConfig,
  startLocalLake,
} from './lib/server/start-local-lake.ts'
