import type { MessageTable, UnifiedData } from '../core/data.js';
import type { DecisionBuilder } from '../core/decision.js';
import type { Decision, Lang, NormalizeInput } from '../core/types.js';
import type { EnvelopeData } from './envelope.js';

/**
 * What the response readers need of a catalog. The default is the embedded catalog; tests build
 * one from a fixture catalog directory, so a provider defined only in YAML runs end to end.
 */
export interface ResponsesCatalog {
  envelopes: Readonly<Record<string, EnvelopeData>>;
  normalize(input: NormalizeInput): Decision;
  /** The canonical provider id for an id or alias. */
  providerId(name: string): string | undefined;
  unified: UnifiedData;
  messages: Record<Lang, MessageTable>;
  /** The core's one decision builder (state rows and HTTP answers become decisions through it). */
  decisions: DecisionBuilder;
}

export function envelopeOf(cat: ResponsesCatalog, id: string): EnvelopeData | undefined {
  return Object.hasOwn(cat.envelopes, id) ? cat.envelopes[id] : undefined;
}
