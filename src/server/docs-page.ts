/**
 * The offline API reference at /docs: a small page that renders /openapi.json. No CDN, and no
 * inline script (the CSP forbids it), so the script and styles are served as /docs.js and /docs.css.
 */

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>paycodes API reference</title>
<link rel="stylesheet" href="/docs.css">
<script type="module" src="/docs.js"></script>
</head>
<body>
<header><h1>paycodes API reference</h1><p id="summary">Loading /openapi.json…</p><nav><a href="/">Web catalog</a> · <a href="/openapi.json">openapi.json</a></nav></header>
<main id="ops" aria-live="polite"></main>
</body>
</html>
`;

export const DOCS_CSS = `:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--mut:#57606a;--line:#d0d7de;--code:#f6f8fa;--get:#0a7d32;--post:#0550ae}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--mut:#9198a1;--line:#30363d;--code:#161b22;--get:#3fb950;--post:#58a6ff}}
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:980px;margin:0 auto;padding:0 16px}
h1{margin:20px 0 4px}h2{font-size:18px;margin:0}h3{font-size:14px;margin:14px 0 4px;color:var(--mut);text-transform:uppercase;letter-spacing:.04em}
a{color:var(--post)}
section.op{border:1px solid var(--line);border-radius:8px;margin:14px 0;padding:12px 16px}
.method{display:inline-block;min-width:48px;font:600 12px ui-monospace,monospace;color:#fff;border-radius:4px;padding:2px 6px;margin-right:8px;text-align:center}
.get{background:var(--get)}.post{background:var(--post)}
code,pre{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--code);border-radius:4px}
code{padding:1px 4px}pre{padding:10px;overflow:auto;max-height:420px}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
@media (max-width:600px){table,tbody,tr,td{display:block}tr:first-child{display:none}tr{border-top:1px solid var(--line);padding:4px 0}td{border:0;padding:2px 0}td[data-label]::before{content:attr(data-label) ": ";color:var(--mut)}pre{white-space:pre-wrap;overflow-wrap:anywhere}}
details{margin:6px 0}summary{cursor:pointer}
`;

export const DOCS_JS = `const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
};
// Descriptions are plain text with Markdown code spans; only the spans become markup, never the text.
const md = (text) => String(text || '').split('\x60').map((part, i) => (i % 2 ? el('code', {}, part) : part));
const cell = (label, ...kids) => el('td', { 'data-label': label }, ...kids);
const resolve = (doc, s) => {
  if (s && s.$ref) return doc.components.schemas[s.$ref.split('/').pop()];
  return s;
};
const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : '');
const typeOf = (s) => {
  if (!s) return '';
  if (s.$ref) return refName(s);
  if (s.enum) return s.enum.join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.type === 'array') return typeOf(s.items) + '[]';
  return s.type || '';
};
const curl = (path, method, op) => {
  const q = (op.parameters || []).filter((p) => p.in === 'query' && p.required).map((p) => p.name + '=' + encodeURIComponent(p.example ?? '')).join('&');
  const url = location.origin + path.replace(/\\{(\\w+)\\}/g, (_, n) => (op.parameters.find((p) => p.name === n) || {}).example || n) + (q ? '?' + q : '');
  if (method === 'post') return "curl -s -X POST '" + url + "' -H 'content-type: application/json' -d '{\\"provider\\":\\"qfpay\\",\\"code\\":\\"1201\\"}'";
  return "curl -s '" + url + "'";
};
const render = (doc) => {
  document.getElementById('summary').replaceChildren(doc.info.title + ' ' + doc.info.version + ' (OpenAPI ' + doc.openapi + '). ', ...md(doc.info.description));
  const main = document.getElementById('ops');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const sec = el('section', { class: 'op', id: method + path.replace(/[^a-z0-9]+/gi, '-') });
      sec.append(el('h2', {}, el('span', { class: 'method ' + method }, method.toUpperCase()), el('code', {}, path), ' ', ...md(op.summary)));
      if (op.description) sec.append(el('p', {}, ...md(op.description)));
      if (op.security && op.security.length) sec.append(el('p', {}, 'Needs ', el('code', {}, 'Authorization: Bearer …'), ' when the server has an API key.'));
      if (op.parameters && op.parameters.length) {
        const t = el('table', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'description')));
        for (const p of op.parameters) t.append(el('tr', {}, cell('parameter', el('code', {}, p.name + (p.required ? '' : '?'))), cell('in', p.in), cell('type', typeOf(p.schema)), cell('description', ...md(p.description))));
        sec.append(el('h3', {}, 'Parameters'), t);
      }
      if (op.requestBody) {
        const s = op.requestBody.content['application/json'].schema;
        sec.append(el('h3', {}, 'Body'), el('details', {}, el('summary', {}, refName(s)), el('pre', {}, JSON.stringify(resolve(doc, s), null, 2))));
      }
      const rs = el('table', {}, el('tr', {}, el('th', {}, 'status'), el('th', {}, 'body'), el('th', {}, 'meaning')));
      for (const [status, r] of Object.entries(op.responses)) {
        const [type, media] = Object.entries(r.content || {})[0] || ['', {}];
        rs.append(el('tr', {}, cell('status', status), cell('body', el('code', {}, type), ' ', refName(media.schema)), cell('meaning', ...md(r.description))));
      }
      sec.append(el('h3', {}, 'Responses'), rs, el('h3', {}, 'Example'), el('pre', {}, curl(path, method, op)));
      main.append(sec);
    }
  }
  const schemas = el('section', { class: 'op', id: 'schemas' }, el('h2', {}, 'Schemas'));
  for (const [name, s] of Object.entries(doc.components.schemas)) schemas.append(el('details', { id: 'schema-' + name }, el('summary', {}, name, ...(s.description ? [' — ', ...md(s.description)] : [])), el('pre', {}, JSON.stringify(s, null, 2))));
  main.append(schemas);
};
fetch('/openapi.json')
  .then((r) => r.json())
  .then(render)
  .catch((e) => {
    document.getElementById('summary').textContent = 'Could not load /openapi.json: ' + e;
  });
`;
