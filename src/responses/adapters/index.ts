import type { ADAPTERS } from '../envelope-types.js';
import { extractGeneric } from '../extract.js';
import { ottpay, ottpayNotification } from './ottpay.js';
import { qfpay, qfpayNotification } from './qfpay.js';
import { subotiz } from './subotiz.js';
import type { Adapter, Extractor } from './types.js';

/**
 * The one registry of provider logic that is not data. A provider's YAML names its adapter in
 * `envelope.adapter`; a provider without one is read entirely from its envelope data.
 */
export const REGISTRY: Record<(typeof ADAPTERS)[number], Adapter> = {
  qfpay: { extract: qfpay, notification: qfpayNotification },
  subotiz: { extract: subotiz },
  ottpay: { extract: ottpay, notification: ottpayNotification },
};

export function adapterOf(name: string | undefined): Adapter {
  return name !== undefined && Object.hasOwn(REGISTRY, name) ? REGISTRY[name as keyof typeof REGISTRY] : {};
}

export function extractorOf(name: string | undefined): Extractor {
  return adapterOf(name).extract ?? extractGeneric;
}
