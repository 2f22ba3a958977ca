import type { Flow } from '../core/types.js';
import type { Rule } from './decide.js';
import type { EnvelopeData, Provenance, StateTable, TableSide } from './envelope.js';
import type { NotificationEvent, RequestLayer } from './types.js';

/** The transaction state found in a body, before it is looked up. */
export interface TxCandidate {
  field: string;
  status: string;
  /** Looked up first; a value the table lacks is read as a catalog code of the provider. */
  table?: StateTable;
  side: TableSide;
  code?: string;
  message?: string;
  detail?: Record<string, string>;
  /** The code to echo on the decision when a table decides (QFPay records answer `0000` + `cancel`). */
  echo?: string;
}

export interface Extracted {
  request: RequestLayer;
  transaction?: TxCandidate;
  /** An answer neither layer gives on its own (an enquiry that found no record). */
  answer?: { code: string; rule: Rule; provenance: Provenance };
  raw: Record<string, unknown>;
  /** A sub-part of the body could not be read (OTT Pay encrypted data without a key…). */
  note?: string;
}

export interface ExtractContext {
  flow: Flow;
  env: EnvelopeData;
  httpStatus?: number;
  signKey?: string;
}

/** A verified notification, read: the layers, the flow it reports on, and the event. */
export interface NotificationRead {
  ex: Extracted;
  flow: Flow;
  event: NotificationEvent;
}

export const sideOf = (flow: Flow): TableSide => (flow === 'refund' ? 'refund' : 'payment');

/** Records a field in `raw` when present. */
export function keep(raw: Record<string, unknown>, path: string, value: unknown): void {
  if (value !== undefined) raw[path] = value;
}

/** A named state table of an envelope; a missing one is a catalog bug, reported as such. */
export function table(env: EnvelopeData, name: string): StateTable {
  const t = Object.hasOwn(env.states, name) ? env.states[name] : undefined;
  if (t === undefined) throw new Error(`paycodes: the envelope has no state table "${name}"`);
  return t;
}
