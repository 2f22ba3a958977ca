import { PaycodesInputError } from './errors.js';

/**
 * The shape of the compiled data (`paycodes/data`, or `npm run compile` output) this core reads.
 * Raise it whenever a compiled tuple or table changes shape, so that data from one paycodes version
 * is never read by a core that would misread it.
 */
export const DATA_VERSION = 2;

/** The data a normalizer is given, checked before anything is read from it. */
export function checkData(data: { unified: { version?: number }; providers: readonly { id: string; version?: number }[] }): void {
  checkDataVersion('unified', 'the unified data', data.unified.version);
  for (const p of data.providers) checkDataVersion('providers', `provider data ${JSON.stringify(p.id)}`, p.version);
}

/**
 * Refuses data stamped for another data version. Unstamped data (written by hand, as in tests) is
 * read as it is: the stamp protects against mixing two installed paycodes builds, not against typos.
 */
export function checkDataVersion(field: string, what: string, version: number | undefined): void {
  if (version === undefined || version === DATA_VERSION) return;
  throw new PaycodesInputError(
    field,
    `createNormalizer: ${what} was compiled for data version ${version}, but this paycodes core reads data version ${DATA_VERSION}: ` +
      'use paycodes/core and paycodes/data from the same paycodes release (or recompile the catalog)',
  );
}
