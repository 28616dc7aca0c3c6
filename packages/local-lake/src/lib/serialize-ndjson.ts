export {serializeNdjson} from '@treatments/content/dataset'
