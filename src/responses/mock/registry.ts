import { envelopeOf, type ResponsesCatalog } from '../catalog.js';
import type { MOCK_ADAPTERS } from '../envelope-types.js';
import { eftpayMock } from './eftpay.js';
import { genericMock } from './generic.js';
import { ottpayMock } from './ottpay.js';
import { qfpayMock } from './qfpay.js';
import { shoplineMock } from './shopline.js';
import { subotizMock } from './subotiz.js';
import type { MockAdapter, MockProvider } from './types.js';

/** The one registry of provider-shaped mock logic; a provider without `mock.adapter` gets the generic mock. */
export const MOCK_REGISTRY: Record<(typeof MOCK_ADAPTERS)[number], MockAdapter> = {
  qfpay: qfpayMock,
  eftpay: eftpayMock,
  shopline: shoplineMock,
  subotiz: subotizMock,
  ottpay: ottpayMock,
};

export class MockSetupError extends Error {
  override name = 'MockSetupError';
}

/** Providers the catalog describes a mock for. */
export function mockProviders(cat: ResponsesCatalog): string[] {
  return Object.entries(cat.envelopes)
    .filter(([, e]) => e.mock !== undefined)
    .map(([id]) => id);
}

/** The mock for a provider, from its envelope data and (when it has one) its adapter. */
export function mockFor(cat: ResponsesCatalog, provider: string): MockProvider {
  const id = cat.providerId(provider) ?? provider;
  const env = envelopeOf(cat, id);
  const mock = env?.mock;
  if (env === undefined || mock === undefined)
    throw new MockSetupError(`paycodes: no mock for ${provider} (mocks: ${mockProviders(cat).join(', ')})`);
  const table = env.states[mock.stateTable];
  if (table === undefined) throw new MockSetupError(`paycodes: ${id} envelope.mock.stateTable names no state table`);
  const states = new Set([...Object.keys(table.payment), ...Object.keys(table.refund)].map((s) => s.toUpperCase()));
  const logic = mock.adapter === undefined ? genericMock(cat, id, env) : MOCK_REGISTRY[mock.adapter];
  return {
    id,
    endpoints: mock.endpoints,
    isState: (s) => states.has(s.toUpperCase()),
    isCode: (s) => {
      try {
        return cat.normalize({ provider: id, code: s }).known;
      } catch {
        return false;
      }
    },
    named: mock.named,
    fields: mock.fields,
    ...logic,
  };
}
