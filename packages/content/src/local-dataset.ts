export {localDataset} from './lib/source/local-dataset.ts'
export type {DatasetDocument} from './lib/dataset/dataset-document.ts'
