import type {FieldGroupDefinition} from 'sanity'

/** Types a field group; Sanity has no `defineFieldGroup` helper. */
export function defineFieldGroup(group: FieldGroupDefinition): FieldGroupDefinition {
  return group
}
