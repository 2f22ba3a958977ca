export interface StaticFile {
  body: Uint8Array;
  type: string;
  etag: string;
  cacheControl: string;
}

/** Two FNV-1a passes with different seeds: a 64-bit content tag, enough for an ETag, no crypto needed. */
function contentTag(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.byteLength;
  for (let i = 0; i < bytes.byteLength; i++) {
    const x = bytes[i] as number;
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x0100019d);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36) + bytes.byteLength.toString(36);
}

export function staticFile(body: Uint8Array | string, type: string, cacheControl = 'no-cache'): StaticFile {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { body: bytes, type, etag: `"${contentTag(bytes)}"`, cacheControl };
}

/** URL path → a file, loaded when first asked for. */
export type WebFiles = ReadonlyMap<string, () => StaticFile>;
