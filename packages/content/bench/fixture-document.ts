import type {PortableTextBlock} from '@portabletext/types'

/**
 * A treatment-page-like Portable Text document of `size` blocks (30 by default): `h2`/`h3`
 * headings, paragraphs with `strong`/`em` marks and links, and bullet and numbered lists with a
 * nested level. Deterministic, so every run and every contender renders the same input.
 *
 * @public
 */
export function fixtureDocument(size = 30): PortableTextBlock[] {
  const blocks: PortableTextBlock[] = []
  const words = ['mesotherapy', 'session', 'lymphatic', 'drainage', 'results', 'doctor', 'skin', 'weeks', 'injection', 'area']
  const sentence = (seed: number, length: number): string =>
    Array.from({length}, (_, index) => words[(seed * 7 + index * 3) % words.length]).join(' ')
  for (let index = 0; blocks.length < size; index++) {
    const key = `b${index}`
    const kind = index % 10
    if (kind === 0 || kind === 5) {
      blocks.push({
        _type: 'block',
        _key: key,
        style: kind === 0 ? 'h2' : 'h3',
        markDefs: [],
        children: [{_type: 'span', _key: `${key}s0`, text: `Section ${index}: ${sentence(index, 3)}`, marks: []}],
      })
    } else if (kind === 3 || kind === 4 || kind === 8) {
      blocks.push({
        _type: 'block',
        _key: key,
        style: 'normal',
        listItem: kind === 8 ? 'number' : 'bullet',
        level: kind === 4 ? 2 : 1,
        markDefs: [],
        children: [
          {_type: 'span', _key: `${key}s0`, text: `${sentence(index, 5)} `, marks: []},
          {_type: 'span', _key: `${key}s1`, text: sentence(index + 1, 2), marks: ['strong']},
        ],
      })
    } else {
      blocks.push({
        _type: 'block',
        _key: key,
        style: 'normal',
        markDefs: [{_type: 'link', _key: `${key}l`, href: `https://example.org/sources/${index}?lang=en&ref=treatment`}],
        children: [
          {_type: 'span', _key: `${key}s0`, text: `${sentence(index, 12)}, <not html> & "quoted" `, marks: []},
          {_type: 'span', _key: `${key}s1`, text: sentence(index + 2, 3), marks: ['strong']},
          {_type: 'span', _key: `${key}s2`, text: ` ${sentence(index + 3, 2)}`, marks: ['strong', 'em']},
          {_type: 'span', _key: `${key}s3`, text: ` ${sentence(index + 4, 8)} `, marks: []},
          {_type: 'span', _key: `${key}s4`, text: 'see the study', marks: [`${key}l`]},
          {_type: 'span', _key: `${key}s5`, text: `. ${sentence(index + 5, 10)}.`, marks: []},
        ],
      })
    }
  }
  return blocks
}
