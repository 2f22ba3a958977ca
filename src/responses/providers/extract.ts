import type { Flow } from '../../core/types.js';
import type { Obj } from '../body.js';
import type { StateRule, StateTable, TableSide } from '../tables.js';
import type { RequestLayer } from '../types.js';

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
  answer?: { code: string; rule: StateRule };
  raw: Record<string, unknown>;
  /** A sub-part of the body could not be read (OTT Pay encrypted data without a key…). */
  note?: string;
}

export interface ExtractContext {
  flow: Flow;
  httpStatus?: number;
  signKey?: string;
}

export type Extractor = (body: Obj, ctx: ExtractContext) => Extracted;

export const sideOf = (flow: Flow): TableSide => (flow === 'refund' ? 'refund' : 'payment');

/** Records a field in `raw` when present. */
export function keep(raw: Record<string, unknown>, path: string, value: unknown): void {
  if (value !== undefined) raw[path] = value;
}
