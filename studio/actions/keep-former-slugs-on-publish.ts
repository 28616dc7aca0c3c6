import {useDocumentOperation, type DocumentActionComponent} from 'sanity'

import {formerSlugsToKeep} from '../schemaTypes/rules/index.ts'

/**
 * Sanity's Publish action for treatments, keeping each published slug the draft changes as a
 * former slug first (`formerSlugsToKeep`), so the page's old URLs answer with a redirect instead
 * of a 404. The patch and the publish go to the same document in order, as in Sanity's guide to
 * changing a document on publish; everything else is the original action's.
 */
export function keepFormerSlugsOnPublish(publish: DocumentActionComponent): DocumentActionComponent {
  const KeepFormerSlugsAndPublish: DocumentActionComponent = (props) => {
    const original = publish(props)
    const {patch} = useDocumentOperation(props.id, props.type)
    if (original === null || props.type !== 'treatment') return original
    return {
      ...original,
      onHandle: () => {
        const keep = formerSlugsToKeep(props.published ?? undefined, props.draft ?? undefined)
        if (keep.length > 0) patch.execute([{setIfMissing: {formerSlugs: []}}, {insert: {after: 'formerSlugs[-1]', items: keep}}])
        original.onHandle?.()
      },
    }
  }
  KeepFormerSlugsAndPublish.action = publish.action
  KeepFormerSlugsAndPublish.displayName = 'KeepFormerSlugsAndPublish'
  return KeepFormerSlugsAndPublish
}
