import { STATUS_CODES } from 'node:http';

/** On every response, the API's and the web page's alike. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Where in the request a wrong value sits, and what is wrong with it. */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  /** JSON Pointer into that part of the request: `/3/provider`, `/lang`. */
  path: string;
  message: string;
}

/** Keeps a bad request from making an unbounded error list. */
const MAX_ERRORS = 50;

/**
 * An error that becomes an RFC 9457 `application/problem+json` response. Handlers throw it; the
 * app's error handler renders it, so every 4xx has the same shape.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  constructor(status: number, detail: string, errors?: FieldError[], headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.errors = errors?.slice(0, MAX_ERRORS);
    this.headers = headers;
  }
}

export function problemResponse(
  status: number,
  detail: string,
  instance: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): Response {
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance,
  };
  if (errors && errors.length > 0) body.errors = errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** `a/b` → `/a/b`, escaping `~` and `/` the JSON Pointer way. */
export function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** zod issues as field errors. */
export function fieldErrors(where: FieldError['in'], issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.slice(0, MAX_ERRORS).map((i) => ({ in: where, path: pointer(i.path), message: i.message }));
}
