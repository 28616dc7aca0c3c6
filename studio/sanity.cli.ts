import {defineCliConfig} from 'sanity/cli'
import {dataset, projectId} from './env.ts'

export default defineCliConfig({
  api: {projectId, dataset},
  typegen: {
    path: '../packages/content/src/**/*.ts',
    schema: 'schema.json',
    generates: '../packages/content/src/generated/sanity.types.ts',
    overloadClientMethods: false,
  },
})
