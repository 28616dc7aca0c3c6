export {localDataset, parseNdjson, readNdjson} from './lib/local-dataset.ts'
export type {DatasetDocument} from './lib/local-dataset.ts'
