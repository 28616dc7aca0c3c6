import {expectTypeOf, test} from 'vitest'
import type {Fallback, LocalizedTreatment, TreatmentResult} from './index.ts'

test('a localized treatment has plain localized values, typed from the generated query types', () => {
  expectTypeOf<LocalizedTreatment['title']>().toEqualTypeOf<string | null>()
  expectTypeOf<LocalizedTreatment['contraindications'][number]['text']>().toEqualTypeOf<string | null>()
  expectTypeOf<LocalizedTreatment['contraindications'][number]['kind']>().toEqualTypeOf<'absolute' | 'relative'>()
  expectTypeOf<NonNullable<LocalizedTreatment['protocol']>['sessionsMin']>().toEqualTypeOf<number>()
  expectTypeOf<TreatmentResult['fallbacks']>().toEqualTypeOf<Fallback[]>()
  expectTypeOf<Fallback['served']>().toEqualTypeOf<string | null>()
})
