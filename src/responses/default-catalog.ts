/** The embedded catalog, as the response readers see it (built beside the normalizer). */
export { responsesCatalog as defaultCatalog } from '../normalize.js';
