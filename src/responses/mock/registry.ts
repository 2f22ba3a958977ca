import { envelopeOf, type ResponsesCatalog } from '../catalog.js';
import { genericMock, summarize } from './generic.js';
import type { MockProvider } from './types.js';

export class MockSetupError extends Error {
  override name = 'MockSetupError';
}

/** Providers the catalog describes a mock for. */
export function mockProviders(cat: ResponsesCatalog): string[] {
  return Object.entries(cat.envelopes)
    .filter(([, e]) => e.mock !== undefined)
    .map(([id]) => id);
}

/** The mock for a provider, from its envelope data alone. */
export function mockFor(cat: ResponsesCatalog, provider: string): MockProvider {
  const id = cat.providerId(provider) ?? provider;
  const env = envelopeOf(cat, id);
  const mock = env?.mock;
  if (env === undefined || mock === undefined)
    throw new MockSetupError(`paycodes: no mock for ${provider} (mocks: ${mockProviders(cat).join(', ')})`);
  const table = env.states[mock.stateTable];
  if (table === undefined) throw new MockSetupError(`paycodes: ${id} envelope.mock.stateTable names no state table`);
  const states = new Set([...Object.keys(table.payment), ...Object.keys(table.refund)].map((s) => s.toUpperCase()));
  const logic = genericMock(cat, id, env);
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
    summary: (body) => summarize(body, env),
    ...logic,
  };
}
