import { buildStateRows, lookupState } from './src/analytics/state.js';
import { normalize } from './src/normalize.js';
import { FLOWS } from './src/core/types.js';
let t=performance.now(); const rows = buildStateRows(); console.log('rows', rows.length, performance.now()-t);
const by = new Map<string, number>(); for (const r of rows) by.set(r.provider, (by.get(r.provider)??0)+1); console.log(by);
let wrong=0, n=0;
const keys = new Set(rows.map(r=>`${r.provider}|${r.code}|${r.state}`));
for (const k of keys) { const [p,c,s] = k.split('|'); for (const st of [s||'Weird', s.toLowerCase()||'x', s ? s[0]+s.slice(1).toLowerCase() : '1201']) for (const f of FLOWS) { n++;
  const d = normalize({provider:p, code:c, state:st, flow:f}); const r = lookupState(rows,p,c,st,f);
  const isCode = normalize({provider:p, code:st}).known; if (isCode) continue; if (!r || r.unified!==d.unified||r.outcome!==d.outcome||r.next!==d.next||r.party!==d.party||r.known!==d.known) { wrong++; if (wrong<6) console.log(p,c,st,f,d.unified, r?.unified);} } }
console.log({n, wrong});
