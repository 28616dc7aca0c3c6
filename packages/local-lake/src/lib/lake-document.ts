// The document type and its checks live in the dataset core every reader shares; the lake's
// names stay as aliases so its modules read as before.
export {
  datasetDocumentProblem as lakeDocumentProblem,
  describeJson,
  isRecord as isPlainObject,
} from '@treatments/content/dataset'
export type {DatasetDocument as LakeDocument} from '@treatments/content/dataset'
