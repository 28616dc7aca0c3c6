export {writeFileAtomically as atomicWriteFile} from '@treatments/content/dataset'
