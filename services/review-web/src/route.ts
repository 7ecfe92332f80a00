import { useEffect, useState } from 'react';

/** Where the app is, from the URL's hash (`#/batches/<id>`, `#/documents/<id>`): the review
 * service then only needs to serve index.html at `/`. */
export type Route = { page: 'overview' } | { page: 'batch'; id: string } | { page: 'document'; id: string };

export function parseRoute(hash: string): Route {
  const [, kind, id] = hash.replace(/^#/, '').split('/');
  if (kind === 'batches' && id) return { page: 'batch', id };
  if (kind === 'documents' && id) return { page: 'document', id };
  return { page: 'overview' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
