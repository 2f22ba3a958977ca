import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two signature strings; unequal lengths fail without comparing. */
export function safeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
