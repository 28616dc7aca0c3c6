import {describe, expect, it} from 'vitest'
import {createTreatmentContent} from '../reader/create-treatment-content.ts'
import {localDataset} from '../source/local-dataset.ts'
import {renderTreatmentPage} from './render-treatment-page.ts'
import {textSource} from './text-source.ts'
import type {TreatmentResult} from '../types.ts'

const seedPath = new URL('../../../../../content/dataset.ndjson', import.meta.url)
const read = (locale: string) => createTreatmentContent({source: localDataset(seedPath)}).getTreatment('mesotherapy-cellulite', {locale})
const htmlOf = (page: ReturnType<typeof renderTreatmentPage>) => page.titleHtml + page.sections.map((section) => section.html).join('')
/** What a preview passes: the text's source as `type|id|path`. */
const attributeFor = (result: TreatmentResult) => (path: string) => {
  const source = textSource(result.treatment, path)
  return source && `${source.type}|${source.id}|${source.path}`
}

describe('sourceAttribute: where each text is stored, for click-to-edit in a preview', () => {
  it('names the referenced document, not the treatment, for a contraindication, an ingredient or a side effect', async () => {
    const result = await read('it')
    const page = renderTreatmentPage(result, {sourceAttribute: attributeFor(result)})
    const html = htmlOf(page)
    expect(html).toContain('<span data-sanity="contraindication|contraindication-pregnancy|text"><span class="item-title">Gravidanza</span></span>')
    expect(html).toContain('data-sanity="treatment|treatment-mesotherapy-cellulite|title"')
    expect(html).toContain('data-sanity="ingredient|ingredient-phosphatidylcholine|name"')
    expect(html).toContain('data-sanity="sideEffect|side-effect-itching|whenToSeekHelp"')
    // Array items of the treatment are named by `_key`, as the Studio names them.
    expect(html).toContain('data-sanity="treatment|treatment-mesotherapy-cellulite|ingredients[_key==&#x22;pc&#x22;].role"')
    const data = page.sections.find((section) => section.id === 'who-cannot-have-it')!.data as {contraindications: Array<{text: {path: string}}>}
    expect(textSource(result.treatment, data.contraindications[0]!.text.path)).toEqual({id: 'contraindication-pregnancy', type: 'contraindication', path: 'text'})
    expect(textSource(result.treatment, 'nowhere[3].text')).toBeUndefined()
  })

  it('puts a fallback marker inside the element that names the field, so clicking the mark opens the field to translate', async () => {
    const result = await read('de')
    const html = htmlOf(renderTreatmentPage(result, {sourceAttribute: attributeFor(result)}))
    expect(html).toMatch(/<div data-sanity="treatment\|treatment-mesotherapy-cellulite\|body"><p class="marker-line"><span class="marker-untranslated">/)
  })

  it('a page rendered without it has no data-sanity attribute', async () => {
    const result = await read('de')
    const page = renderTreatmentPage(result)
    expect(htmlOf(page)).not.toContain('data-sanity')
  })
})
