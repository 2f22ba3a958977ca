import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The page and the docs: no inline script or style anywhere, so the policy needs no nonce.
 */
export const security = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // The server speaks plain HTTP on loopback by default; HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
  });

/**
 * JSON answers (the API and its errors): the headers OWASP's REST cheat sheet names for an API.
 * A JSON body is never rendered as a document, so it may load nothing and be framed nowhere; the
 * document-only headers (DNS prefetch, download options, origin agent cluster, COOP, the XSS
 * filter) would add some 400 bytes to every answer and protect nothing.
 */
export const apiSecurity = () =>
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    strictTransportSecurity: false,
  });

/** The API's set under /v1, the document set everywhere else. */
export function securityByPath(): MiddlewareHandler {
  const api = apiSecurity();
  const page = security();
  return (c, next) => (c.req.path.startsWith('/v1/') ? api(c, next) : page(c, next));
}
