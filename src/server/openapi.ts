import { z } from 'zod';
import { VERSION } from '../version.js';
import { CodesQuery, LangQuery, NormalizeQuery, requests, responses, SearchQuery } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Each schema without the draft marker and id that `z.toJSONSchema` adds to a top-level schema. */
function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function components(): Json {
  const opts = { target: 'draft-2020-12', uri: (id: string) => `#/components/schemas/${id}`, unrepresentable: 'any' } as const;
  const req = z.toJSONSchema(requests, { ...opts, io: 'input' }).schemas as Record<string, Json>;
  const res = z.toJSONSchema(responses, { ...opts, io: 'output' }).schemas as Record<string, Json>;
  const out: Json = {};
  for (const [id, s] of [...Object.entries(req), ...Object.entries(res)]) out[id] = clean(s);
  return out;
}

/** OpenAPI parameters from a zod object of query parameters: one schema, two uses. */
function queryParams(schema: z.ZodObject): Json[] {
  const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, examples, ...rest } = s;
    const p: Json = { name, in: 'query', required: required.has(name), schema: rest };
    if (description) p.description = description;
    if (Array.isArray(examples) && examples.length > 0) p.example = examples[0];
    return p;
  });
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const ok = (id: string, description = 'OK') => ({ description, content: { 'application/json': { schema: ref(id) } } });

export interface OpenApiOptions {
  /** Whether the server asks for a bearer key on /v1. */
  auth?: boolean;
}

/** The OpenAPI 3.1 document, assembled from the schemas the server validates with. */
export function buildOpenApi(options: OpenApiOptions = {}): Json {
  const secured = options.auth ? { security: [{ bearer: [] }] } : {};
  const common = {
    '400': problem('Invalid input: the `errors` list names each wrong field.'),
    ...(options.auth ? { '401': problem('Missing or wrong bearer key.') } : {}),
  };
  const get = (summary: string, response: Json, extra: Json = {}, errors: Json = {}) => ({
    get: { summary, ...secured, ...extra, responses: { '200': response, ...common, ...errors } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'paycodes',
      version: VERSION,
      summary: 'Payment provider response codes as one decision.',
      description:
        'Turns a payment provider response code into one decision: did the money move (outcome), what to do next (next), who acts (party), and what to tell the customer and the merchant, in en, zh-Hant and zh-Hans. Unknown providers and codes are not errors: they get an `unmapped` decision (outcome `unknown`, next `query`).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/v1/normalize': {
        get: {
          summary: 'Normalize one code',
          description: 'The language comes from `lang`, else from Accept-Language, else English.',
          ...secured,
          parameters: queryParams(NormalizeQuery),
          responses: { '200': ok('Decision'), ...common },
        },
        post: {
          summary: 'Normalize one code or a batch',
          description:
            'The body is one input object or an array of up to 1,000; the answer is one Decision or an array in the same order. A `lang` in an item wins over `?lang=`, which wins over Accept-Language.',
          ...secured,
          parameters: queryParams(LangQuery),
          requestBody: { required: true, content: { 'application/json': { schema: ref('NormalizeBody') } } },
          responses: {
            '200': ok('NormalizeResponse'),
            ...common,
            '413': problem('The body is larger than the limit (1 MB by default).'),
            '415': problem('The body is not application/json.'),
          },
        },
      },
      '/v1/retry': {
        post: {
          summary: 'May a declined payment be tried again, when, and under which reference',
          description:
            'Normalizes the code with its card-network facts, then applies the retry rules (catalog/retry-rules.yaml) to the attempt history. An open outcome is never retried.',
          ...secured,
          parameters: queryParams(LangQuery),
          requestBody: { required: true, content: { 'application/json': { schema: ref('RetryInput') } } },
          responses: { '200': ok('RetryResponse'), ...common, '413': problem('The body is larger than the limit.') },
        },
      },
      '/v1/providers': get('List the providers', ok('ProviderList')),
      '/v1/providers/{id}/codes': get(
        "List a provider's codes",
        ok('CodeList'),
        {
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'Provider id or alias.', schema: { type: 'string' }, example: 'qfpay' },
            ...queryParams(CodesQuery),
          ],
        },
        { '404': problem('No such provider.') },
      ),
      '/v1/unified': get('List the unified codes', ok('UnifiedList')),
      '/v1/unified/{code}': get(
        'One unified code and every provider code mapped to it',
        ok('UnifiedDetail'),
        { parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' }, example: 'insufficient_funds' }] },
        { '404': problem('No such unified code.') },
      ),
      '/v1/search': get('Search codes and messages in any language', ok('SearchResponse'), { parameters: queryParams(SearchQuery) }),
      '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': ok('Health') } } },
    },
    components: {
      schemas: components(),
      ...(options.auth
        ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The value of PAYCODES_API_KEY.' } } }
        : {}),
    },
  };
}
