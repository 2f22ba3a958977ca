/**
 * Areas for grouping the provider list. Geography, not provider facts: a provider's regions come
 * from its YAML, and it is listed under the area of the first one.
 */
const AREAS: Record<string, readonly string[]> = {
  'Asia-Pacific': ['APAC', 'SEA', 'HK', 'TW', 'CN', 'MO', 'JP', 'KR', 'SG', 'MY', 'TH', 'PH', 'ID', 'VN', 'KH', 'IN', 'AU', 'NZ'],
  Americas: ['LATAM', 'US', 'CA', 'MX', 'BR', 'AR', 'CL', 'CO', 'PE', 'UY'],
  'Europe, Middle East and Africa': ['EU', 'EMEA', 'GB', 'IE', 'NL', 'MT', 'DE', 'FR', 'ES', 'IT', 'AE', 'ZA'],
};
const AREA_OF = new Map(Object.entries(AREAS).flatMap(([area, codes]) => codes.map((c) => [c, area] as const)));

/** The order areas are listed in; providers that name no known region fall under "Global". */
export const AREA_ORDER = [...Object.keys(AREAS), 'Global'];

export function areaOf(regions: readonly string[]): string {
  return AREA_OF.get(regions[0] ?? '') ?? 'Global';
}
