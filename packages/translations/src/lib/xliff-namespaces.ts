/** The XLIFF 2.0/2.1 core namespace. */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'
/** The XLIFF 2 Metadata module namespace (prefix `mda`). */
export const METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0'
/** The `xml:` namespace (`xml:space`, `xml:lang`). */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'
/** The namespace of `xmlns` declarations. */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'
/** XLIFF versions this tool reads; it writes `2.0`. */
export const SUPPORTED_XLIFF_VERSIONS: readonly string[] = ['2.0', '2.1']
/** The category of the `<file>` note recording the locale the file was exported for (its `trgLang` then). */
export const EXPORT_LOCALE_NOTE = 'exportLocale'
