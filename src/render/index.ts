/** The HTML renderer: Site model + templates → output files. */
export { renderSite, renderSiteBatches, renderSiteParts, type IssueToRender, type RenderOptions } from './render-site.js';
export { requiredTemplates, type Templates } from './templates.js';
export { monthGrid } from './calendar.js';
export { entityPageShows } from './pages/entity.js';
export { safeJson } from './json-ld.js';
