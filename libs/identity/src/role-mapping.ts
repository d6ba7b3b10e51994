import { ConfigError } from '@lotsen/config';

/** Lotsen's staff roles as a person holds them ("department" = caseworker of the listed departments). */
export const PERSON_ROLES = ['supervisor', 'agent', 'department', 'admin', 'auditor', 'registrar'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * Per tenant, a provider group (Keycloak group path, Entra group object id or app role value) →
 * a grant: a role (`agent`, `supervisor`, `admin`, `auditor`, `registrar`), `department:<code>`
 * (caseworker of that department) or `clearance:<code>` (may read that department's secret matters).
 */
export type GroupMapping = Record<string, Record<string, string>>;

export interface Grants {
  roles: PersonRole[];
  departments: string[];
  clearances: string[];
}

const CODE = /^[a-z0-9_]{1,64}$/;
const GRANT = /^(agent|supervisor|admin|auditor|registrar|department:[a-z0-9_]{1,64}|clearance:[a-z0-9_]{1,64})$/;

/** OIDC_GROUP_MAPPING: JSON `{"<tenant>": {"<group>": "<grant>"}}`; checked at start-up. */
export function parseGroupMapping(raw: string | undefined): GroupMapping {
  if (!raw || !raw.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(['groupMapping: OIDC_GROUP_MAPPING must be JSON: {"<tenant>": {"<group>": "<role>|department:<code>|clearance:<code>"}}']);
  }
  const problems: string[] = [];
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push('groupMapping: must be an object of tenants');
  else {
    for (const [tenant, groups] of Object.entries(parsed as Record<string, unknown>)) {
      if (!groups || typeof groups !== 'object' || Array.isArray(groups)) { problems.push(`groupMapping.${tenant}: must be an object of groups`); continue; }
      for (const [group, grant] of Object.entries(groups as Record<string, unknown>)) {
        if (typeof grant !== 'string' || !GRANT.test(grant)) problems.push(`groupMapping.${tenant}.${group}: "${String(grant)}" is no role, department:<code> or clearance:<code>`);
      }
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return parsed as GroupMapping;
}

/**
 * Conventional group names need no mapping: `lotsen-agent`, `lotsen-supervisor`, `lotsen-admin`,
 * `lotsen-auditor`, `lotsen-registrar`, `lotsen-department-<code>`, `lotsen-clearance-<code>`
 * (a Keycloak group path may start with "/"). Anything else goes through the tenant's mapping.
 */
function conventionalGrant(group: string): string | undefined {
  const m = /^\/?lotsen[-:](agent|supervisor|admin|auditor|registrar|department[-:]([a-z0-9_]+)|clearance[-:]([a-z0-9_]+))$/.exec(group);
  if (!m) return undefined;
  if (m[2]) return `department:${m[2]}`;
  if (m[3]) return `clearance:${m[3]}`;
  return m[1];
}

/** The roles, departments and clearances a person's groups give them in one tenant. */
export function grantsFor(mapping: GroupMapping, tenantId: string, groups: string[]): Grants {
  const own = mapping[tenantId] ?? {};
  const roles = new Set<PersonRole>();
  const departments = new Set<string>();
  const clearances = new Set<string>();
  for (const group of groups) {
    const grant = own[group] ?? conventionalGrant(group);
    if (!grant) continue;
    const [kind, code] = grant.split(':');
    if (kind === 'department' && code && CODE.test(code)) departments.add(code);
    else if (kind === 'clearance' && code && CODE.test(code)) clearances.add(code);
    else if ((PERSON_ROLES as readonly string[]).includes(kind) && kind !== 'department') roles.add(kind as PersonRole);
  }
  if (departments.size) roles.add('department');
  // The most far-reaching role first: it is the one older code reads as `principal.role`.
  const ordered = PERSON_ROLES.filter((r) => roles.has(r));
  return { roles: ordered, departments: [...departments].sort(), clearances: [...clearances].sort() };
}
