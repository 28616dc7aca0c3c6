import {NotFoundMessage} from '../../components/not-found-message.tsx'

// A page's `notFound()`, inside the locale's layout (which gives it `<html>`). Next.js sends it as
// an empty shell its script fills in, which the CSP refuses (vercel/next.js#62228): this is what
// a site that lets Next.js's runtime run shows.
export default function NotFound() {
  return <NotFoundMessage />
}
