/** Mapping between the model's URLs (which include the base) and output file paths. */

/** Output file path (relative to the out folder) for a page URL; directory URLs get index.html. */
export function outputPath(base: string, url: string): string {
  if (!url.startsWith(base)) {
    throw new Error(`baokan render: URL \`${url}\` does not start with the site base \`${base}\``);
  }
  const rest = url.slice(base.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/** Resolves a template's site-root URL (`~/search/`) against the base; other URLs pass through. */
export function resolveSiteUrl(base: string, url: string): string {
  return url.startsWith('~/') ? base + url.slice(2) : url;
}
