import { apiResponse } from './security.js';

/** The reason phrases of the statuses this server sends; `Error` for any other. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

export const statusTitle = (status: number): string => TITLES[status] ?? 'Error';

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

export function problemBody(status: number, detail: string, instance: string, errors?: FieldError[]): string {
  const body: Record<string, unknown> = { type: 'about:blank', title: statusTitle(status), status, detail, instance };
  if (errors && errors.length > 0) body.errors = errors;
  return JSON.stringify(body);
}

/** With the API's security headers; under any other path the page's middleware puts its own set over them. */
export function problemResponse(
  status: number,
  detail: string,
  instance: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): Response {
  return apiResponse(problemBody(status, detail, instance, errors), status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
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
