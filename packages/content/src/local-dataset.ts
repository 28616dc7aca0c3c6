export {localDataset} from './lib/local-dataset.ts'
export type {DatasetDocument} from './lib/dataset/dataset-document.ts'
