// locize's `xliff` package ships no types; the one function the tests use, as its README describes it.
declare module 'xliff/xliff2js' {
  /** Reads XLIFF 2.x into `{sourceLanguage, targetLanguage, resources: {[fileId]: {[unitId]: {source, target, note}}}}`. */
  export default function xliff2js(xml: string): Promise<unknown>
}
