/**
 * The shorthand of card terminals, acquirers' host messages and bank-debit returns, with the
 * English word(s) each stands for.
 *
 * Why: terminal displays and host response texts have room for a few characters, so they write
 * "INSUFF FUNDS", "EXCDS WDRL LMT", "INVLD ACCT" or "NSF" (non-sufficient funds, the ACH and
 * direct-debit return), and the model, trained on tables that spell the words out, meets none of
 * them: a message of shorthand alone was answered `unmapped`. The general shorthand of the trade,
 * not the texts of any provider.
 * Left out: shorthand that a catalog text holds (txn, amt, crd, auth, trans, msg; tran, which a plural "trans" would meet), so the model reads
 * those as it learned them; and shorthand that is also a word or another glossary's key (exp, ref, pls, no, ok),
 * or that stands for more than one word (inv: invoice or invalid; appr: approval or approved; chk: a check or a checksum).
 */
export const SHORTHAND_GLOSSARY: Readonly<Record<string, string>> = {
  nsf: 'insufficient funds',
  insuff: 'insufficient',
  insuf: 'insufficient',
  insuffic: 'insufficient',
  acct: 'account',
  accnt: 'account',
  trx: 'transaction',
  trxn: 'transaction',
  excds: 'exceeds',
  exceds: 'exceeds',
  lmt: 'limit',
  wdrl: 'withdrawal',
  wdl: 'withdrawal',
  freq: 'frequency',
  invld: 'invalid',
  decl: 'declined',
  dcln: 'declined',
  apprvd: 'approved',
  authz: 'authorization',
  iss: 'issuer',
  issr: 'issuer',
  bal: 'balance',
  avail: 'available',
  unavail: 'unavailable',
  cust: 'customer',
  merch: 'merchant',
  mrch: 'merchant',
  err: 'error',
  sys: 'system',
  dup: 'duplicate',
  dupl: 'duplicate',
};
