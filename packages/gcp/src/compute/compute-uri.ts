/**
 * `https://www.googleapis.com/compute/v1/projects/p/global/networks/n` ->
 * `projects/p/global/networks/n`: the partial URI Cartography keys compute
 * resources by. A value that is already partial is returned as is.
 */
export function partialUri(url: string): string {
  const marker = /\/compute\/(?:v1|beta|alpha)\//.exec(url);
  if (marker) return url.slice(marker.index + marker[0].length);
  return url.replace(/^\/+/, '');
}

/** The last path segment of a URL (`.../zones/us-central1-a` -> `us-central1-a`). */
export function lastSegment(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  return url
    .split('/')
    .filter((s) => s !== '')
    .pop();
}

/** A network tag's id: tags only mean something within one VPC. */
export function networkTagId(vpcPartialUri: string, tag: string): string {
  return `${vpcPartialUri}/tags/${tag}`;
}
