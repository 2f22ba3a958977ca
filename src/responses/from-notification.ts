import { PaycodesInputError } from '../core/errors.js';
import type { Flow } from '../core/types.js';
import { isObj, type Obj, own, str } from './body.js';
import { langOf } from './decide.js';
import { PaycodesSignatureError } from './errors.js';
import { decideExtracted, responseProvider } from './from-response.js';
import { headerReader } from './headers.js';
import { eftpay } from './providers/eftpay.js';
import type { Extracted } from './providers/extract.js';
import { ottpay } from './providers/ottpay.js';
import { shopline } from './providers/shopline.js';
import { subotiz } from './providers/subotiz.js';
import { DEFAULT_TOLERANCE_SECONDS, SCHEMES, verify } from './signatures.js';
import { EFTPAY_TRADE_STATUS, OTTPAY_STATUS, QFPAY_CANCEL, SHOPLINE_STATUS, SUBOTIZ_REFUND } from './tables.js';
import type { NotificationDecision, NotificationEvent, NotificationOptions, ResponseProvider } from './types.js';

function rawBytes(payload: unknown): Buffer {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  throw new PaycodesInputError(
    'payload',
    'fromNotification() needs the raw request body (string or Buffer): signatures cover the exact bytes, which a parsed object no longer has',
  );
}

function secretsOf(provider: string, secret: NotificationOptions['secret']): string[] {
  const list = (Array.isArray(secret) ? secret : [secret]).filter((s): s is string => typeof s === 'string' && s !== '');
  if (list.length === 0)
    throw new PaycodesSignatureError(
      provider,
      'missing_secret',
      `${provider} notification: no secret given; a notification cannot be trusted without one`,
    );
  return list;
}

interface Read {
  ex: Extracted;
  flow: Flow;
  event: NotificationEvent;
}

const setIf = (o: NotificationEvent, k: keyof NotificationEvent, v: string | undefined): void => {
  if (v !== undefined) o[k] = v;
};

/** The last segment of an event type (`trade.refund.succeeded` → `SUCCEEDED`) for bodies without a status. */
const typeStatus = (type: string | undefined): string | undefined => type?.split('.').pop();

function readQfpay(body: Obj): Read {
  const type = str(body, 'notify_type');
  const flow: Flow = type === 'refund' ? 'refund' : 'payment';
  const respcd = str(body, 'respcd');
  const cancel = str(body, 'cancel') ?? '0';
  const ex: Extracted = { request: { accepted: true, field: 'X-QF-SIGN' }, raw: {} };
  for (const k of ['respcd', 'status', 'cancel', 'notify_type', 'syssn', 'out_trade_no'])
    if (own(body, k) !== undefined) ex.raw[k] = own(body, k);
  // Official: QFPay only notifies successful payments and refunds; respcd "will be 0000".
  ex.transaction =
    respcd === '0000' || respcd === undefined
      ? {
          field: 'cancel',
          status: flow === 'refund' ? '0' : cancel,
          table: QFPAY_CANCEL,
          side: flow === 'refund' ? 'refund' : 'payment',
          echo: respcd ?? '0000',
        }
      : { field: 'respcd', status: respcd, side: flow === 'refund' ? 'refund' : 'payment' };
  ex.transaction.detail = { cancel, ...(type ? { notify_type: type } : {}) };
  const event: NotificationEvent = {};
  setIf(event, 'type', type);
  setIf(event, 'id', str(body, 'syssn'));
  setIf(event, 'orderId', str(body, 'out_trade_no'));
  return { ex, flow, event };
}

function readEftpay(body: Obj): Read {
  const refund = str(body, 'refund_no') ?? str(body, 'out_refund_no');
  const flow: Flow = refund !== undefined ? 'refund' : 'payment';
  // Notifications carry no return_status: the signature stands in for "the request is genuine".
  const ex = eftpay({ ...body, return_status: '00' }, { flow });
  ex.request = { accepted: true, field: 'sign' };
  delete ex.raw.return_status;
  if (!ex.transaction) {
    const status = str(body, 'trade_status');
    if (status !== undefined)
      ex.transaction = { field: 'trade_status', status, table: EFTPAY_TRADE_STATUS, side: flow === 'refund' ? 'refund' : 'payment' };
  }
  const event: NotificationEvent = {};
  setIf(event, 'type', str(body, 'notify_type'));
  setIf(event, 'id', str(body, 'eft_trade_no') ?? str(body, 'eftpay_trade_no'));
  setIf(event, 'orderId', str(body, 'out_trade_no'));
  return { ex, flow, event };
}

function readEnvelope(provider: 'shopline-payments' | 'subotiz', body: Obj): Read {
  const type = str(body, 'type');
  const refundEvent = type !== undefined && (type.includes('.refund.') || type.includes('refunds.'));
  const flow: Flow = refundEvent ? 'refund' : 'payment';
  const data = isObj(own(body, 'data')) ? (own(body, 'data') as Obj) : {};
  const ex = provider === 'subotiz' ? subotiz(data, { flow }) : shopline(data, { flow });
  ex.request = { accepted: true, field: provider === 'subotiz' ? 'X-Signature' : 'sign' };
  const fallback = typeStatus(type);
  if (!ex.transaction && fallback !== undefined) {
    // A refund event may carry a refund object without the trade status: the event type names the result.
    const table = provider === 'subotiz' ? SUBOTIZ_REFUND : SHOPLINE_STATUS;
    const status = provider === 'subotiz' ? fallback.toLowerCase() : fallback.toUpperCase();
    ex.transaction = { field: 'type', status, table, side: flow === 'refund' ? 'refund' : 'payment' };
  }
  ex.raw = Object.fromEntries(Object.entries(ex.raw).map(([k, v]) => [`data.${k}`, v]));
  if (type !== undefined) ex.raw.type = type;
  const event: NotificationEvent = {};
  setIf(event, 'type', type);
  setIf(event, 'id', str(body, 'id'));
  setIf(event, 'orderId', str(data, provider === 'subotiz' ? 'order_id' : 'referenceOrderId'));
  return { ex, flow, event };
}

function readOttpay(body: Obj): Read {
  const data = isObj(own(body, 'data')) ? (own(body, 'data') as Obj) : {};
  const flow: Flow = str(data, 'ori_order_id') !== undefined ? 'refund' : 'payment';
  const ex = ottpay(body, { flow });
  if (!ex.transaction && ex.request.accepted) {
    // Official: the callback is sent only "after OTT Pay API server receive payment success".
    ex.transaction = { field: 'rsp_code', status: 'SUCCESS', table: OTTPAY_STATUS, side: flow === 'refund' ? 'refund' : 'payment' };
  }
  const event: NotificationEvent = {};
  setIf(event, 'id', str(data, 'bizpay_order_id'));
  setIf(event, 'orderId', str(data, 'order_id'));
  return { ex, flow, event };
}

/**
 * Verifies a provider's asynchronous notification and decides on it. `payload` is the raw body;
 * a missing secret, a missing or invalid signature, or a stale timestamp throws
 * `PaycodesSignatureError`: an untrusted notification never becomes a decision.
 */
export function fromNotification(provider: string, payload: string | Uint8Array, options: NotificationOptions = {}): NotificationDecision {
  const id: ResponseProvider = responseProvider(provider);
  if (typeof options !== 'object' || options === null) throw new PaycodesInputError('options', 'options must be an object');
  const raw = rawBytes(payload);
  const lang = langOf(options.lang);
  const secrets = secretsOf(id, options.secret);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance))
    throw new PaycodesInputError('toleranceSeconds', 'toleranceSeconds must be a number');
  const body = verify({
    provider: id,
    raw,
    header: headerReader(options.headers),
    secrets,
    now: options.now ?? Date.now(),
    toleranceSeconds: tolerance,
  });

  const read =
    id === 'qfpay' ? readQfpay(body) : id === 'eftpay' ? readEftpay(body) : id === 'ottpay' ? readOttpay(body) : readEnvelope(id, body);
  const d = decideExtracted(id, read.ex, read.flow, lang);
  return { ...d, event: read.event, signature: { scheme: SCHEMES[id].name, provenance: SCHEMES[id].provenance } };
}
