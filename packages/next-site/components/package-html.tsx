/**
 * HTML the package made and sanitized (`renderTreatmentPage`: an allow-list schema, every text
 * escaped), put in the page as is. Nothing else may be passed here.
 */
export function PackageHtml(props: {html: string; className?: string}) {
  return <div className={props.className} dangerouslySetInnerHTML={{__html: props.html}} />
}
