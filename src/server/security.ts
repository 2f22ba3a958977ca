import { secureHeaders } from 'hono/secure-headers';

/**
 * The page, the docs, the API and every error get the same headers. No inline script or style
 * anywhere, so the policy needs no nonce.
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
