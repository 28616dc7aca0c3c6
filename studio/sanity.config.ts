import {locales} from '@treatments/content/locales'
import {defineConfig} from 'sanity'
import {internationalizedArray} from 'sanity-plugin-internationalized-array'
import {structureTool} from 'sanity/structure'
import {MarkMedicallyReviewedAction} from './actions/mark-medically-reviewed-action.ts'
import {keepFormerSlugsOnPublish} from './actions/keep-former-slugs-on-publish.ts'
import {markReviewedActions} from './actions/mark-reviewed-action.ts'
import {PreviewWindowAction} from './actions/preview-window-action.ts'
import {FormInput} from './components/inputs/form-input.ts'
import {StudioLayout} from './components/layout/studio-layout.ts'
import {ReviewChangesBadge} from './components/reviews/review-changes-badge.ts'
import {translationBadges} from './components/translations/translation-badges.ts'
import {translationStatusInspector} from './components/translations/translation-status-inspector.ts'
import {dataset, isLocal, projectId} from './env.ts'
import {localWorkspace} from './local-workspace.ts'
import {presentation} from './presentation.ts'
import {documentTypes, schemaTypes} from './schemaTypes/index.ts'
import {structure} from './structure.ts'

// Without SANITY_STUDIO_PROJECT_ID the Studio runs on the local lake that `pnpm studio` serves.
const local = isLocal ? localWorkspace(projectId, process.env.SANITY_STUDIO_LAKE_URL) : undefined
// The site's draft preview beside the form: `pnpm studio` starts it; hosted, SANITY_STUDIO_PREVIEW_URL.
const preview = presentation(isLocal)

export default defineConfig({
  name: 'default',
  title: isLocal ? 'Treatments (local)' : 'Treatments',
  projectId,
  dataset,
  ...local,
  plugins: [
    structureTool({structure}),
    ...(preview ? [preview] : []),
    internationalizedArray({
      languages: locales.map(({id, title}) => ({id, title})),
      // No default languages, and the stored order kept: the plugin would otherwise patch a
      // document the moment it is opened (an English item for every field without one, the items
      // re-sorted). That draft nobody made outlived "Discard changes" and, with two editors on one
      // document, doubled the item. New documents get their English items as initial values
      // (defineLocalizedField), which Sanity writes only with the first edit.
      restoreOrder: false,
      fieldTypes: ['string', 'text', 'blockContent'],
      // Per field only: the document-level row offered every language even when all were filled.
      buttonLocations: ['field'],
      languageDisplay: 'titleAndCode',
      languageFilter: {documentTypes: documentTypes.map((type) => type.name)},
    }),
  ],
  schema: {types: schemaTypes},
  form: {components: {input: FormInput}},
  studio: {components: {layout: StudioLayout}},
  document: {
    badges: (previous) => [...previous, ...translationBadges, ReviewChangesBadge],
    inspectors: (previous) => [...previous, translationStatusInspector],
    actions: (previous) => [...previous.map((action) => (action.action === 'publish' ? keepFormerSlugsOnPublish(action) : action)), MarkMedicallyReviewedAction, ...markReviewedActions, PreviewWindowAction],
    comments: {enabled: !isLocal},
  },
})
