import './style.css';
import type { Flow } from '../../src/core/types.js';
import type { Doc } from '../../src/search/rank.js';
import type { WebCode, WebEntry, WebIndex, WebProvider, WebReading } from '../../src/server/web-catalog.js';
import { byId, type Child, h } from './dom.js';
import { browserLang, FLOW, LANGS, type Lang, label, NEXT, OUTCOME, OUTCOME_SHORT, PARTY, STRINGS } from './i18n.js';
import { buildDocs, canonical, type SearchResult, searchDocs } from './search.js';

type Reading = WebReading;

type Route = { view: 'search' } | { view: 'code'; provider: string; code: string } | { view: 'unified'; code: string };

const PAGE = 60;

const state = {
  lang: 'en' as Lang,
  catalog: undefined as WebIndex | undefined,
  /** Provider files loaded so far, by id. */
  loaded: new Map<string, WebProvider>(),
  docs: [] as Doc[],
  q: '',
  provider: '',
  flow: '',
  shown: PAGE,
  route: { view: 'search' } as Route,
  /** Move focus into the panel after the next render (the reader opened something). */
  focusPanel: false,
};

const els = {
  q: byId<HTMLInputElement>('q'),
  provider: byId<HTMLSelectElement>('provider'),
  flow: byId<HTMLSelectElement>('flow'),
  lang: byId<HTMLSelectElement>('lang'),
  list: byId<HTMLOListElement>('list'),
  count: byId('count'),
  more: byId<HTMLButtonElement>('more'),
  panel: byId('panel'),
  main: byId('main'),
  unifiedHits: byId('unified-hits'),
};

const t = () => STRINGS[state.lang];

// ---- loading -------------------------------------------------------------------------------

const pending = new Map<string, Promise<void>>();

/** Fetches the provider files not loaded yet, then rebuilds the search documents once. */
function ensureProviders(ids: readonly string[]): Promise<void> {
  const missing = ids.filter((id) => !state.loaded.has(id));
  if (missing.length === 0) return Promise.resolve();
  return Promise.all(
    missing.map((id) => {
      let p = pending.get(id);
      if (!p) {
        p = fetch(`/catalog/${encodeURIComponent(id)}.json`, { headers: { accept: 'application/json' } })
          .then((res) => {
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            return res.json() as Promise<WebProvider>;
          })
          .then((file) => {
            state.loaded.set(id, file);
          })
          .finally(() => pending.delete(id));
        pending.set(id, p);
      }
      return p;
    }),
  ).then(() => {
    if (state.catalog) state.docs = buildDocs(state.catalog, state.loaded);
  });
}

const allProviders = () => state.catalog?.providers.map((p) => p.id) ?? [];
const totalEntries = () => state.catalog?.providers.reduce((n, p) => n + p.entries, 0) ?? 0;

/** Renders now if the files are here; otherwise says so, loads them and renders again. */
function withProviders(ids: readonly string[], draw: () => void): void {
  if (ids.every((id) => state.loaded.has(id))) {
    draw();
    return;
  }
  els.count.textContent = t().loading;
  ensureProviders(ids).then(
    () => render(),
    (e) => {
      els.count.textContent = `${t().loadFailed} (${String(e)})`;
    },
  );
}

// ---- routing -------------------------------------------------------------------------------

function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts[0] === 'code' && parts[1] && parts[2] !== undefined)
    return { view: 'code', provider: parts[1], code: parts.slice(2).join('/') };
  if (parts[0] === 'unified' && parts[1]) return { view: 'unified', code: parts[1] };
  if (parts[0] === 'search') {
    const p = new URLSearchParams(query);
    state.q = p.get('q') ?? '';
    state.provider = p.get('provider') ?? '';
    state.flow = p.get('flow') ?? '';
  }
  return { view: 'search' };
}

function searchHash(): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.provider) p.set('provider', state.provider);
  if (state.flow) p.set('flow', state.flow);
  const s = p.toString();
  return s ? `#/search?${s}` : '#/';
}

const codeHash = (c: { provider: string; code: string }) => `#/code/${encodeURIComponent(c.provider)}/${encodeURIComponent(c.code)}`;
const unifiedHash = (code: string) => `#/unified/${encodeURIComponent(code)}`;

// ---- helpers ---------------------------------------------------------------------------------

const providerName = (id: string) => state.catalog?.providers.find((p) => p.id === id)?.name ?? id;
const unifiedOf = (code: string) => state.catalog?.unified.find((u) => u.code === code);
const entryOf = (provider: string, r: Reading): WebEntry | undefined => state.loaded.get(provider)?.entries[r.entry];
const textsOf = (provider: string, r: Reading): Partial<Record<string, string>> => entryOf(provider, r)?.messages ?? {};

/**
 * The flows a reading answers, by name: `Refund` for the reading a refund gets, whatever flow it is
 * listed under. Named are payment, refund and the flows the provider lists entries under.
 */
function flowsLabel(provider: string, r: Reading): string {
  const listed = new Set<Flow>(['payment', 'refund', ...(state.loaded.get(provider)?.entries.map((e) => e.flow) ?? [])]);
  const named = r.applies.filter((f) => listed.has(f));
  return (named.length > 0 ? named : [r.flow]).map((f) => label(FLOW, f, state.lang)).join(', ');
}

/** What `normalize()` answers for a code and a flow (none: the code's decision), as the API lists it. */
function readingFor(provider: string, code: string, flow: Flow | undefined): { reading: Reading; others: number } | undefined {
  const c = state.loaded.get(provider)?.codes.find((x) => x.code === code);
  if (!c) return undefined;
  const all = [c.decision, ...c.alternatives];
  const reading = flow ? (all.find((r) => r.applies.includes(flow)) ?? c.decision) : c.decision;
  return { reading, others: c.alternatives.length };
}

/** The provider's text in the reader's language when the provider has it; otherwise its first. */
function pickText(texts: Partial<Record<string, string>>): { text: string; lang: string } | undefined {
  const order = [state.lang, state.lang === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant', 'en'];
  for (const l of order) if (texts[l]) return { text: texts[l] as string, lang: l };
  const first = Object.entries(texts).find(([, v]) => v !== undefined);
  return first ? { text: first[1] as string, lang: first[0] } : undefined;
}

function badges(r: { outcome: string; next: string; party: string }, long = false) {
  const l = state.lang;
  if (!r.outcome) return [];
  return [
    h(
      'span',
      { class: `badge outcome ${r.outcome}`, title: label(OUTCOME, r.outcome, l) },
      long ? label(OUTCOME, r.outcome, l) : label(OUTCOME_SHORT, r.outcome, l),
    ),
    h('span', { class: `badge next ${r.next}` }, label(NEXT, r.next, l)),
    h('span', { class: `badge party ${r.party}` }, label(PARTY, r.party, l)),
  ];
}

// ---- chrome ----------------------------------------------------------------------------------

function renderChrome(): void {
  const s = t();
  document.documentElement.lang = state.lang;
  els.lang.value = state.lang;
  byId('tagline').textContent = s.tagline;
  byId('lang-label').textContent = s.language;
  byId('q-label').textContent = s.search;
  byId('q-hint').textContent = s.searchHint;
  els.q.placeholder = s.placeholder;
  byId('provider-label').textContent = s.provider;
  byId('flow-label').textContent = s.flow;
  byId('compare-link').textContent = s.compare;
  byId('results-title').textContent = s.results;
  byId('foot').textContent = s.footer;
  els.more.textContent = s.more;
  const cat = state.catalog;
  els.provider.replaceChildren(
    h('option', { value: '' }, s.allProviders),
    ...(cat?.providers ?? []).map((p) => h('option', { value: p.id }, p.name)),
  );
  els.provider.value = state.provider;
  els.flow.replaceChildren(
    h('option', { value: '' }, s.allFlows),
    ...(cat?.flows ?? []).filter((f) => f !== 'any').map((f) => h('option', { value: f }, label(FLOW, f, state.lang))),
  );
  els.flow.value = state.flow;
  if (document.activeElement !== els.q) els.q.value = state.q;
}

// ---- list ------------------------------------------------------------------------------------

function entryRow(
  provider: string,
  code: string,
  flow: Flow | undefined,
  r: { outcome: string; next: string; party: string },
  text: string,
  lang: string | undefined,
) {
  const current = state.route.view === 'code' ? state.route : undefined;
  const selected = current && current.provider === provider && current.code === code;
  return h(
    'li',
    { class: selected ? 'item selected' : 'item' },
    h(
      'a',
      {
        href: codeHash({ provider, code }),
        'data-provider': provider,
        'data-code': code,
        'data-outcome': r.outcome,
        'data-next': r.next,
        'aria-current': selected ? 'true' : undefined,
      },
      h(
        'span',
        { class: 'item-head' },
        h('span', { class: 'prov' }, providerName(provider)),
        ' ',
        h('code', { class: 'code' }, code),
        flow && flow !== 'any' ? h('span', { class: 'muted' }, ` · ${label(FLOW, flow, state.lang)}`) : null,
      ),
      h('span', { class: 'item-badges' }, badges(r)),
      text ? h('span', { class: 'item-text', lang }, text) : null,
    ),
  );
}

function renderList(): void {
  const cat = state.catalog;
  if (!cat) return;
  const q = state.q.trim();
  if (!q && !state.provider) {
    els.count.textContent = t().pick;
    els.list.replaceChildren();
    els.unifiedHits.replaceChildren();
    els.more.hidden = true;
    return;
  }
  // One provider's file for a filtered view; every file for a search across providers.
  withProviders(state.provider ? [state.provider] : allProviders(), () => drawList(q));
}

function drawList(q: string): void {
  const flow = (state.flow || undefined) as Flow | undefined;
  let rows: HTMLElement[];
  let count: number;
  let unified: SearchResult[] = [];
  if (q) {
    const hits = searchDocs(state.catalog as WebIndex, state.docs, q, {
      lang: state.lang,
      ...(state.provider ? { provider: state.provider } : {}),
      ...(flow ? { flow } : {}),
    });
    const entries = hits.filter((x) => x.kind === 'entry');
    unified = hits.filter((x) => x.kind === 'unified');
    count = entries.length;
    rows = entries.slice(0, state.shown).map((x) => {
      // Ranked by what matched; shown with what normalize() answers, as /v1/search shows it.
      const r = readingFor(x.provider as string, x.code as string, flow)?.reading ?? x;
      return entryRow(x.provider as string, x.code as string, x.flow, r, x.text, x.lang);
    });
  } else {
    const file = state.loaded.get(state.provider) as WebProvider;
    const entries = file.entries.filter((e) => !flow || e.flow === flow || e.flow === 'any');
    count = entries.length;
    rows = entries.slice(0, state.shown).map((e) => {
      const text = pickText(e.messages);
      const r = readingFor(file.provider, e.code, flow)?.reading ?? e;
      return entryRow(file.provider, e.code, e.flow, r, text?.text ?? '', text?.lang);
    });
  }
  els.count.textContent = count === 0 ? t().none : t().count(count, totalEntries());
  els.list.replaceChildren(...rows);
  els.more.hidden = count <= state.shown;
  const us = unified.slice(0, 6);
  els.unifiedHits.replaceChildren(
    ...(us.length
      ? [
          h(
            'p',
            { class: 'unified-hits' },
            `${t().unifiedHits}: `,
            us.flatMap((u, i) => [i > 0 ? ' · ' : '', h('a', { href: unifiedHash(u.unified) }, u.unified)]),
          ),
        ]
      : []),
  );
}

// ---- panels ----------------------------------------------------------------------------------

function closeButton() {
  const b = h('button', { type: 'button', class: 'close', 'aria-label': t().close }, '×');
  b.addEventListener('click', closePanel);
  return b;
}

function intro(): (Child | Child[])[] {
  const cat = state.catalog;
  return [
    h('h2', { id: 'panel-title' }, 'paycodes'),
    h('p', {}, t().intro),
    cat
      ? h(
          'ul',
          { class: 'stats' },
          cat.providers.map((p) =>
            h('li', {}, h('a', { href: `#/search?provider=${encodeURIComponent(p.id)}` }, p.name), ` · ${p.entries}`),
          ),
        )
      : null,
  ];
}

function readingBlock(provider: string, r: Reading, title: string) {
  const u = unifiedOf(r.unified);
  const s = t();
  return h(
    'section',
    { class: 'reading' },
    h('h3', {}, title),
    h('p', { class: 'flow-line' }, flowsLabel(provider, r), ' · ', h('a', { href: unifiedHash(r.unified) }, h('code', {}, r.unified))),
    h('div', { class: 'badges' }, badges(r, true)),
    Object.entries(textsOf(provider, r)).map(([l, text]) =>
      h('p', { class: 'original', lang: l }, h('span', { class: 'lang-tag' }, l), ' ', text),
    ),
    u ? h('p', { class: 'customer' }, u.messages[state.lang].customer) : null,
    r.reason ? h('p', { class: 'reason' }, h('strong', {}, `${s.reason}: `), r.reason) : null,
  );
}

/** The decision as four cells; the data attributes let a test compare it with `normalize()`. */
function decisionCells(d: { unified: string; outcome: string; next: string; party: string }) {
  const s = t();
  return h(
    'dl',
    { class: 'decision', 'data-unified': d.unified, 'data-outcome': d.outcome, 'data-next': d.next, 'data-party': d.party },
    h('div', { class: `cell outcome ${d.outcome}` }, h('dt', {}, s.outcome), h('dd', {}, label(OUTCOME, d.outcome, state.lang))),
    h('div', { class: `cell next ${d.next}` }, h('dt', {}, s.next), h('dd', {}, label(NEXT, d.next, state.lang))),
    h('div', { class: `cell party ${d.party}` }, h('dt', {}, s.party), h('dd', {}, label(PARTY, d.party, state.lang))),
    h(
      'div',
      { class: 'cell unified' },
      h('dt', {}, s.unified),
      h('dd', {}, h('a', { href: unifiedHash(d.unified), title: s.compareWith }, d.unified)),
    ),
  );
}

function messages(code: string) {
  const u = unifiedOf(code);
  const s = t();
  if (!u) return null;
  return [
    h(
      'section',
      { class: 'msg customer-msg' },
      h('h3', {}, s.customerMessage),
      h('blockquote', { id: 'customer-message' }, u.messages[state.lang].customer),
    ),
    h(
      'section',
      { class: 'msg merchant-msg' },
      h('h3', {}, s.merchantGuidance),
      h('p', { id: 'merchant-message' }, u.messages[state.lang].merchant),
    ),
  ];
}

/** A code the catalog does not have gets what `normalize()` answers for it: unknown, query first. */
function unknownPanel(route: { provider: string; code: string }, shown: string): (Child | Child[])[] {
  const s = t();
  const u = unifiedOf('unmapped');
  return [
    closeButton(),
    h('p', { class: 'eyebrow' }, providerName(route.provider)),
    h('h2', { id: 'panel-title', tabindex: '-1' }, h('code', {}, shown)),
    h('p', { class: 'not-found' }, s.notFound),
    u ? decisionCells({ unified: u.code, outcome: u.outcome, next: u.next, party: u.party }) : null,
    h('p', { class: 'unknown-guidance' }, s.unknownGuidance),
    messages('unmapped'),
  ];
}

function codePanel(route: { provider: string; code: string }): (Child | Child[])[] {
  const s = t();
  const cat = state.catalog;
  const p = cat?.providers.find((x) => x.id === route.provider);
  if (!cat || !p) return unknownPanel(route, route.code);
  const file = state.loaded.get(p.id);
  if (!file) return [closeButton(), h('p', {}, s.loading)];
  // The code as the provider writes it, exactly as the library reads it: QFPay `0` is `0000`.
  const code = canonical(cat, p.id, route.code) ?? route.code;
  const item: WebCode | undefined = file.codes.find((c) => c.code === code);
  if (!item) return unknownPanel(route, code);
  const d = item.decision;
  const entry = entryOf(p.id, d);
  const texts = textsOf(p.id, d);
  const text = pickText(texts);
  const flows = [...new Set(file.entries.filter((e) => e.code === code).map((e) => e.flow))];
  const notes = file.entries.filter((e) => e.code === code && e.notes).map((e) => e.notes);
  const api = `/v1/normalize?provider=${encodeURIComponent(p.id)}&code=${encodeURIComponent(code)}&lang=${state.lang}`;
  return [
    closeButton(),
    h('p', { class: 'eyebrow' }, p.name),
    h(
      'h2',
      { id: 'panel-title', tabindex: '-1' },
      h('code', {}, code),
      text ? h('span', { class: 'title-text', lang: text.lang }, ` ${text.text}`) : null,
    ),
    code !== route.code ? h('p', { class: 'muted read-as' }, s.readAs(code)) : null,
    decisionCells(d),
    messages(d.unified),
    d.reason ? h('section', { class: 'msg reason' }, h('h3', {}, s.reason), h('p', {}, d.reason)) : null,
    h(
      'section',
      { class: 'msg' },
      h('h3', {}, s.original),
      Object.entries(texts).map(([l, tx]) => h('p', { class: 'original', lang: l }, h('span', { class: 'lang-tag' }, l), ' ', tx)),
      entry?.scene ? h('p', { class: 'muted' }, entry.scene) : null,
      h(
        'p',
        { class: 'muted source' },
        `${s.source}: `,
        h('a', { href: p.url, rel: 'noreferrer noopener', target: '_blank' }, p.name),
        ` · ${p.document}${entry?.line ? ` · ${s.line(entry.line)}` : ''} · ${p.retrieved}`,
      ),
    ),
    item.alternatives.length
      ? h(
          'section',
          { class: 'msg alternatives' },
          h('h3', {}, `${s.alternatives} (${item.alternatives.length})`),
          h('p', { class: 'muted' }, s.alternativesHint),
          item.alternatives.map((r, i) => readingBlock(p.id, r, `${i + 1}. ${flowsLabel(p.id, r)}`)),
        )
      : null,
    h('p', { class: 'muted' }, `${s.flows}: `, flows.map((f) => label(FLOW, f, state.lang)).join(', ')),
    notes.length ? h('p', { class: 'muted' }, `${s.notes}: ${notes.join('\n')}`) : null,
    h('section', { class: 'msg api' }, h('h3', {}, s.api), h('pre', {}, h('code', {}, `GET ${api}`))),
    h(
      'p',
      { class: 'share' },
      h('a', { href: codeHash({ provider: p.id, code }) }, s.share),
      ' · ',
      h('a', { href: unifiedHash(d.unified) }, s.compareWith),
    ),
  ];
}

function comparePanel(code: string): (Child | Child[])[] {
  const s = t();
  const cat = state.catalog;
  if (!cat) return [];
  const u = unifiedOf(code);
  const select = h(
    'select',
    { id: 'compare-code' },
    cat.unified.map((x) => h('option', { value: x.code, selected: x.code === code }, x.code)),
  );
  select.addEventListener('change', () => {
    location.hash = unifiedHash(select.value);
  });
  const byProvider = cat.providers.map((p) => {
    const file = state.loaded.get(p.id);
    const codes = (file?.codes ?? []).filter((c) => [c.decision, ...c.alternatives].some((r) => r.unified === code));
    return { p, codes };
  });
  return [
    closeButton(),
    h('p', { class: 'eyebrow' }, s.compareTitle),
    h('h2', { id: 'panel-title', tabindex: '-1' }, h('code', {}, code)),
    h('p', { class: 'compare-pick' }, h('label', { for: 'compare-code' }, `${s.compareCode} `), select),
    u
      ? [
          h('p', {}, u.description),
          h('div', { class: 'badges' }, h('span', { class: 'muted' }, `${s.defaultDecision}: `), badges(u, true)),
          h('blockquote', { id: 'compare-customer' }, u.messages[state.lang].customer),
        ]
      : h('p', {}, s.notFound),
    h(
      'div',
      { class: 'compare-grid', role: 'list' },
      byProvider.map(({ p, codes }) =>
        h(
          'section',
          { class: 'compare-col', role: 'listitem', 'aria-labelledby': `cmp-${p.id}`, 'data-provider': p.id },
          h('h3', { id: `cmp-${p.id}` }, p.name, h('span', { class: 'muted' }, ` · ${codes.length}`)),
          codes.length === 0
            ? h('p', { class: 'muted' }, s.noCodes)
            : h(
                'ul',
                {},
                codes.map((c) => {
                  const r = [c.decision, ...c.alternatives].find((x) => x.unified === code) as Reading;
                  const text = pickText(textsOf(p.id, r));
                  return h(
                    'li',
                    {},
                    h('a', { href: codeHash({ provider: p.id, code: c.code }) }, h('code', {}, c.code)),
                    r.flow !== 'any' ? h('span', { class: 'muted' }, ` · ${label(FLOW, r.flow, state.lang)}`) : null,
                    text ? h('div', { class: 'item-text', lang: text.lang }, text.text) : null,
                    h('div', { class: 'item-badges' }, badges(r)),
                    r.reason ? h('div', { class: 'reason small' }, r.reason) : null,
                  );
                }),
              ),
        ),
      ),
    ),
  ];
}

function renderPanel(): void {
  const r = state.route;
  // A code needs its provider's file; the comparison needs every provider's.
  const needs =
    r.view === 'code'
      ? state.catalog?.providers.some((p) => p.id === r.provider)
        ? [r.provider]
        : []
      : r.view === 'unified'
        ? allProviders()
        : [];
  if (!needs.every((id) => state.loaded.has(id))) {
    ensureProviders(needs).then(
      () => renderPanel(),
      (e) => {
        els.panel.replaceChildren(h('p', {}, `${t().loadFailed} (${String(e)})`));
      },
    );
  }
  els.main.classList.toggle('has-detail', r.view === 'code');
  els.main.classList.toggle('wide', r.view === 'unified');
  const kids = (r.view === 'code' ? codePanel(r) : r.view === 'unified' ? comparePanel(r.code) : intro()).flat();
  els.panel.replaceChildren(
    ...kids
      .filter((k): k is Node | string => k !== null && k !== undefined && k !== false)
      .map((k) => (typeof k === 'number' ? String(k) : k)),
  );
  if (r.view === 'code' && state.loaded.has(r.provider) && state.catalog) {
    // Share the code as the provider writes it: `#/code/qfpay/0` becomes `#/code/qfpay/0000`.
    const code = canonical(state.catalog, r.provider, r.code);
    if (code && code !== r.code) history.replaceState(null, '', codeHash({ provider: r.provider, code }));
  }
  if (state.focusPanel && r.view !== 'search' && document.getElementById('panel-title')) {
    state.focusPanel = false;
    (document.getElementById('panel-title') ?? els.panel).focus();
  }
}

function render(): void {
  renderChrome();
  renderList();
  renderPanel();
}

function closePanel(): void {
  const r = state.route;
  // pushState fires no hashchange, so the list is rendered once and the focus below survives.
  history.pushState(null, '', searchHash());
  state.route = { view: 'search' };
  render();
  if (r.view === 'code') {
    // Back to the row that was open, so arrow keys carry on from there.
    const a = els.list.querySelector<HTMLAnchorElement>(`a[data-provider="${CSS.escape(r.provider)}"][data-code="${CSS.escape(r.code)}"]`);
    (a ?? els.q).focus();
  } else els.q.focus();
}

// ---- events ----------------------------------------------------------------------------------

function onSearchChange(): void {
  state.q = els.q.value;
  state.provider = els.provider.value;
  state.flow = els.flow.value;
  state.shown = PAGE;
  state.route = { view: 'search' };
  history.replaceState(null, '', searchHash());
  renderList();
  renderPanel();
}

function setLang(lang: Lang): void {
  state.lang = lang;
  try {
    localStorage.setItem('paycodes.lang', lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  render();
}

function listLinks(): HTMLAnchorElement[] {
  return Array.from(els.list.querySelectorAll<HTMLAnchorElement>('a'));
}

function wireEvents(): void {
  window.addEventListener('hashchange', () => {
    state.route = parseRoute(location.hash);
    render();
  });
  els.q.addEventListener('input', onSearchChange);
  els.provider.addEventListener('change', onSearchChange);
  els.flow.addEventListener('change', onSearchChange);
  els.lang.addEventListener('change', () => setLang(els.lang.value as Lang));
  byId('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    listLinks()[0]?.focus();
  });
  els.more.addEventListener('click', () => {
    state.shown += PAGE * 4;
    renderList();
  });
  els.list.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) state.focusPanel = true;
  });
  els.panel.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a[href^="#/"]')) state.focusPanel = true;
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      els.q.focus();
      els.q.select();
      return;
    }
    if (e.key === 'Escape') {
      if (state.route.view !== 'search') {
        e.preventDefault();
        closePanel();
      } else if (target === els.q && els.q.value) {
        e.preventDefault();
        els.q.value = '';
        onSearchChange();
      }
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = listLinks();
    if (target === els.q) {
      if (e.key === 'ArrowDown' && links[0]) {
        e.preventDefault();
        links[0].focus();
      }
      return;
    }
    const i = links.indexOf(target as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') (links[i + 1] ?? links[i])?.focus();
    else if (i === 0) els.q.focus();
    else links[i - 1]?.focus();
  });
  els.list.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.target as Element).closest('a')) state.focusPanel = true;
  });
}

// ---- start -----------------------------------------------------------------------------------

async function start(): Promise<void> {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem('paycodes.lang');
  } catch {
    saved = null;
  }
  state.lang = LANGS.includes(saved as Lang) ? (saved as Lang) : browserLang(navigator.languages ?? [navigator.language]);
  state.route = parseRoute(location.hash);
  wireEvents();
  renderChrome();
  els.count.textContent = t().loading;
  try {
    const res = await fetch('/catalog.json', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    state.catalog = (await res.json()) as WebIndex;
  } catch (e) {
    els.count.textContent = `${t().loadFailed} (${String(e)})`;
    return;
  }
  // What the first view shows, before saying the page is ready: one provider's file, or all of them.
  const r = state.route;
  const needs =
    r.view === 'code'
      ? [r.provider].filter((id) => allProviders().includes(id))
      : r.view === 'unified' || (state.q.trim() && !state.provider)
        ? allProviders()
        : state.provider
          ? [state.provider]
          : [];
  await ensureProviders(needs).catch(() => undefined);
  state.docs = buildDocs(state.catalog, state.loaded);
  render();
  document.body.dataset.ready = 'true';
}

void start();
