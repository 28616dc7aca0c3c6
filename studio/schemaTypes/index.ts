import {condition} from './documents/condition.ts'
import {contraindication} from './documents/contraindication.ts'
import {effect} from './documents/effect.ts'
import {ingredient} from './documents/ingredient.ts'
import {sideEffect} from './documents/sideEffect.ts'
import {treatment} from './documents/treatment.ts'
import {blockContent} from './objects/blockContent.ts'
import {claim} from './objects/claim.ts'
import {ingredientUse} from './objects/ingredientUse.ts'
import {medicalReview} from './objects/medicalReview.ts'
import {protocol} from './objects/protocol.ts'
import {translationState} from './objects/translationState.ts'

/** Document types, in the order the desk lists them. */
export const documentTypes = [treatment, condition, ingredient, effect, sideEffect, contraindication]

/** Every schema type of the Studio. */
export const schemaTypes = [
  ...documentTypes,
  blockContent,
  claim,
  ingredientUse,
  medicalReview,
  protocol,
  translationState,
]
