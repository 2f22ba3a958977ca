import type { SourceRules } from './source-rules.js';

/**
 * Source rules of the Asia-Pacific providers (see source-rules.ts). `distinct` marks sources that
 * repeat a row (same code, same text, another sheet or section): the catalog keeps one entry and
 * notes the other places, so the check compares the sets of codes.
 */
export const SOURCE_RULES_APAC: SourceRules = {
  portone: { pattern: /^\| ([A-Z0-9_]+) \| [A-Za-z0-9]+Error \|/, count: 183, distinct: true },
  // Rows of the custom table syntax: reason | description | next steps; some reasons repeat across sections.
  razorpay: { pattern: /^([a-z0-9_]+) \| /, count: 123, distinct: true },
  newebpay: { pattern: /^\| ([A-Z]{0,3}\d{4,5}) \|/, count: 125 },
  // Enum constants only: the commented-out A6 line and the author's OK(200) do not match.
  unionpay: { pattern: /^\tRESULT_\w+\(([0-9A-Z]+),"/, count: 66 },
  fiuu: { pattern: /^\|(\d{2}|PR\d{3})\|/, count: 35 },
  ipay88: { from: '-------------', pattern: /^([A-Z][a-z]+(?: [a-z]+)*) {2}/, count: 6 },
  eway: { pattern: /^([A-Z0-9]+) = '/, count: 337 },
  'gmo-payment-gateway': { pattern: /^\| \d+ \| \w+ \| ([0-9A-Z]+) \|/, count: 362 },
  // HTTP status rows, then the API result codes (2011, 2012, 2032 and C002 appear twice with different texts).
  nicepay: { pattern: /^\| ?([0-9A-Z]{3,4}) *\|/, count: 488, distinct: true },
  'toss-payments': [
    { to: '### 현금영수증 국세청 에러', pattern: /^\| \d{3} \| `([A-Z_]+)` \|/, count: 141 },
    { from: '### 현금영수증 국세청 에러', to: '## Section B', pattern: /^\| `?([A-Z_]+)`? +\|/, count: 17 },
    { from: '## Section B', pattern: /^\| [^|]+ \| ([0-9A-Za-z]+) \| \S/, count: 1119, distinct: true },
  ],
  kakaopay: { pattern: /^\| (-?\d+|[A-Z_]+) \| /, count: 91 },
  'nhn-kcp': { pattern: /^\| \d+ \| [^|]* \| ([0-9A-Z]+) \| \S/, count: 671 },
  // Rows with a text only: OKCashbag's "| 0 |  |" has none and cannot be an entry (code 0 is in via other sheets).
  danal: [
    { to: '## Sheet: 본인확인', pattern: /^\| (-?[0-9A-Za-z]+) \| \S/, count: 451, distinct: true },
    {
      from: '## Sheet: 본인확인',
      to: '## Sheet: 상품권',
      pattern: /^\| (?!CARRIER)[^|]+ \| ([0-9A-Za-z]+) \| \S/,
      count: 621,
      distinct: true,
    },
    { from: '## Sheet: 상품권', to: '## Sheet: 다날페이카드', pattern: /^\| ([0-9A-Za-z]+) \| [^|]* \| \S/, count: 232, distinct: true },
    { from: '## Sheet: 다날페이카드', pattern: /^\| (-?[0-9A-Za-z]+) \| \S/, count: 2425, distinct: true },
  ],
  // The bank-relayed rows of the I계좌 sheet are left out (catalog/README.md); its PG rows are in.
  'kg-inicis': [
    { to: '## Sheet: 실시간계좌이체(I계좌)', pattern: /^\| [^|]+ \| ([0-9A-Za-z]+) \| \S/, count: 2258, distinct: true },
    {
      from: '## Sheet: 실시간계좌이체(I계좌)',
      to: '## Sheet: 핸드폰',
      pattern: /^\| PG 응답 \| ([0-9A-Za-z]+) \| \S/,
      count: 142,
      distinct: true,
    },
    { from: '## Sheet: 핸드폰', pattern: /^\| [^|]+ \| ([0-9A-Za-z]+) \| \S/, count: 2147, distinct: true },
  ],
};

/** The corpus file each Asia-Pacific source copy was taken from: the same name under catalog/sources. */
export const CORPUS_FILES_APAC: Record<string, string> = Object.fromEntries(Object.keys(SOURCE_RULES_APAC).map((id) => [id, `${id}.txt`]));
