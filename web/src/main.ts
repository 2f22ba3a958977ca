import './style.css';
import { byId, type Child, h } from './dom.js';
import { browserLang, FLOW, LANGS, type Lang, label, NEXT, OUTCOME, OUTCOME_SHORT, PARTY, STRINGS } from './i18n.js';
import { buildIndex, type Catalog, type Reading, searchIndex, searchUnified } from './search.js';

type Route = { view: 'search' } | { view: 'code'; provider: string; code: string } | { view: 'unified'; code: string };

const PAGE = 60;

const state = {
  lang: 'en' as Lang,
  catalog: undefined as Catalog | undefined,
  index: [] as ReturnType<typeof buildIndex>,
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

/** The provider's text in the reader's language when the provider has it; otherwise its first. */
function pickText(texts: Record<string, string>): { text: string; lang: string } | undefined {
  const order = [state.lang, state.lang === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant', 'en'];
  for (const l of order) if (texts[l]) return { text: texts[l] as string, lang: l };
  const first = Object.entries(texts)[0];
  return first ? { text: first[1], lang: first[0] } : undefined;
}

function badges(r: Pick<Reading, 'outcome' | 'next' | 'party'>, long = false) {
  const l = state.lang;
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

function renderList(): void {
  const cat = state.catalog;
  if (!cat) return;
  const hits = searchIndex(state.index, state.q, { provider: state.provider, flow: state.flow });
  els.count.textContent = hits.length === 0 ? t().none : t().count(hits.length, cat.codes.length);
  const current = state.route.view === 'code' ? state.route : undefined;
  els.list.replaceChildren(
    ...hits.slice(0, state.shown).map(({ item }) => {
      const text = pickText(item.decision.texts);
      const selected = current && current.provider === item.provider && current.code === item.code;
      return h(
        'li',
        { class: selected ? 'item selected' : 'item' },
        h(
          'a',
          { href: codeHash(item), 'data-provider': item.provider, 'data-code': item.code, 'aria-current': selected ? 'true' : undefined },
          h(
            'span',
            { class: 'item-head' },
            h('span', { class: 'prov' }, providerName(item.provider)),
            ' ',
            h('code', { class: 'code' }, item.code),
          ),
          h('span', { class: 'item-badges' }, badges(item.decision)),
          text ? h('span', { class: 'item-text', lang: text.lang }, text.text) : null,
        ),
      );
    }),
  );
  els.more.hidden = hits.length <= state.shown;
  const us = state.q ? searchUnified(cat, state.q).slice(0, 6) : [];
  els.unifiedHits.replaceChildren(
    ...(us.length
      ? [
          h(
            'p',
            { class: 'unified-hits' },
            `${t().unifiedHits}: `,
            us.flatMap((u, i) => [i > 0 ? ' · ' : '', h('a', { href: unifiedHash(u.code) }, u.code)]),
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

function readingBlock(r: Reading, title: string) {
  const u = unifiedOf(r.unified);
  const s = t();
  return h(
    'section',
    { class: 'reading' },
    h('h3', {}, title),
    h(
      'p',
      { class: 'flow-line' },
      label(FLOW, r.flow, state.lang),
      ' · ',
      h('a', { href: unifiedHash(r.unified) }, h('code', {}, r.unified)),
    ),
    h('div', { class: 'badges' }, badges(r, true)),
    Object.entries(r.texts).map(([l, text]) => h('p', { class: 'original', lang: l }, h('span', { class: 'lang-tag' }, l), ' ', text)),
    u ? h('p', { class: 'customer' }, u.messages[state.lang].customer) : null,
    r.reason ? h('p', { class: 'reason' }, h('strong', {}, `${s.reason}: `), r.reason) : null,
  );
}

function codePanel(route: { provider: string; code: string }): (Child | Child[])[] {
  const s = t();
  const item = state.catalog?.codes.find((c) => c.provider === route.provider && c.code === route.code);
  if (!item)
    return [
      closeButton(),
      h('h2', { id: 'panel-title', tabindex: '-1' }, `${providerName(route.provider)} ${route.code}`),
      h('p', {}, s.notFound),
    ];
  const d = item.decision;
  const u = unifiedOf(d.unified);
  const p = state.catalog?.providers.find((x) => x.id === item.provider);
  const text = pickText(d.texts);
  const api = `/v1/normalize?provider=${encodeURIComponent(item.provider)}&code=${encodeURIComponent(item.code)}&lang=${state.lang}`;
  return [
    closeButton(),
    h('p', { class: 'eyebrow' }, providerName(item.provider)),
    h(
      'h2',
      { id: 'panel-title', tabindex: '-1' },
      h('code', {}, item.code),
      text ? h('span', { class: 'title-text', lang: text.lang }, ` ${text.text}`) : null,
    ),
    h(
      'dl',
      { class: 'decision' },
      h('div', { class: `cell outcome ${d.outcome}` }, h('dt', {}, s.outcome), h('dd', {}, label(OUTCOME, d.outcome, state.lang))),
      h('div', { class: `cell next ${d.next}` }, h('dt', {}, s.next), h('dd', {}, label(NEXT, d.next, state.lang))),
      h('div', { class: `cell party ${d.party}` }, h('dt', {}, s.party), h('dd', {}, label(PARTY, d.party, state.lang))),
      h(
        'div',
        { class: 'cell unified' },
        h('dt', {}, s.unified),
        h('dd', {}, h('a', { href: unifiedHash(d.unified), title: s.compareWith }, d.unified)),
      ),
    ),
    u
      ? [
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
        ]
      : null,
    d.reason ? h('section', { class: 'msg reason' }, h('h3', {}, s.reason), h('p', {}, d.reason)) : null,
    h(
      'section',
      { class: 'msg' },
      h('h3', {}, s.original),
      Object.entries(d.texts).map(([l, tx]) => h('p', { class: 'original', lang: l }, h('span', { class: 'lang-tag' }, l), ' ', tx)),
      d.scene ? h('p', { class: 'muted' }, d.scene) : null,
      p
        ? h(
            'p',
            { class: 'muted source' },
            `${s.source}: `,
            h('a', { href: p.url, rel: 'noreferrer noopener', target: '_blank' }, p.name),
            ` · ${p.document}${d.line ? ` · ${s.line(d.line)}` : ''} · ${p.retrieved}`,
          )
        : null,
    ),
    item.alternatives.length
      ? h(
          'section',
          { class: 'msg alternatives' },
          h('h3', {}, `${s.alternatives} (${item.alternatives.length})`),
          h('p', { class: 'muted' }, s.alternativesHint),
          item.alternatives.map((r, i) => readingBlock(r, `${i + 1}. ${label(FLOW, r.flow, state.lang)}`)),
        )
      : null,
    h('p', { class: 'muted' }, `${s.flows}: `, item.flows.map((f) => label(FLOW, f, state.lang)).join(', ')),
    item.notes ? h('p', { class: 'muted' }, `${s.notes}: ${item.notes}`) : null,
    h('section', { class: 'msg api' }, h('h3', {}, s.api), h('pre', {}, h('code', {}, `GET ${api}`))),
    h('p', { class: 'share' }, h('a', { href: codeHash(item) }, s.share), ' · ', h('a', { href: unifiedHash(d.unified) }, s.compareWith)),
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
  const byProvider = cat.providers.map((p) => ({
    p,
    codes: cat.codes.filter((c) => c.provider === p.id && [c.decision, ...c.alternatives].some((r) => r.unified === code)),
  }));
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
                  const text = pickText(r.texts);
                  return h(
                    'li',
                    {},
                    h('a', { href: codeHash(c) }, h('code', {}, c.code)),
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
  els.main.classList.toggle('has-detail', r.view === 'code');
  els.main.classList.toggle('wide', r.view === 'unified');
  const kids = (r.view === 'code' ? codePanel(r) : r.view === 'unified' ? comparePanel(r.code) : intro()).flat();
  els.panel.replaceChildren(
    ...kids
      .filter((k): k is Node | string => k !== null && k !== undefined && k !== false)
      .map((k) => (typeof k === 'number' ? String(k) : k)),
  );
  if (state.focusPanel && r.view !== 'search') {
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
    state.catalog = (await res.json()) as Catalog;
  } catch (e) {
    els.count.textContent = `${t().loadFailed} (${String(e)})`;
    return;
  }
  state.index = buildIndex(state.catalog);
  render();
  document.body.dataset.ready = 'true';
}

void start();
