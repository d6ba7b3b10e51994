import { Injectable, Logger } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { hashApiKey, isPlausiblePersonName, maskPii, Principal, ProblemException } from '@lotsen/platform';
import { PROTOTYPE_KEYS } from '@lotsen/validation';
import { ServiceDefinition, ServiceDefinitionsRepository } from '../catalogue/service-definitions.repository';
import { InquiriesService } from '../inquiries/inquiries.service';
import { Tenant, TenantsRepository } from '../tenants/tenants.repository';
import { UploadedFileMeta } from './open311-http';
import { Open311Document, Open311Record } from './open311-document';
import { Open311Params } from './open311-params';
import { Open311RequestsRepository, PublicRequestRow } from './open311-requests.repository';
import { Locale, localized, pickLocale, statusNote, text } from './open311-texts';
import { formatW3cDateTime, parseW3cDateTime } from './w3c-datetime';

const DAY_MS = 24 * 3600_000;
const MAX_WINDOW_MS = 90 * DAY_MS;
const MAX_RESULTS = 1000;
const MAX_DESCRIPTION = 4000;
const MAX_MEDIA_URLS = 10;
const OPEN_STATUSES = ['received', 'in_progress', 'awaiting_citizen', 'answered', 'reopened'];
const CLOSED_STATUSES = ['resolved'];
/** Keywords FixMyStreet gives a meaning of its own (hidden, staff-only, …); never emitted by accident. */
const FMS_RESERVED_KEYWORDS = new Set(['private', 'inactive', 'staff', 'waste_only']);
/** Our references (`KC-2026-000123`) and anything else worth a database lookup. */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const STARTED = formatW3cDateTime(new Date());

const bad = (detail: string) => ProblemException.of(400, 'open311-bad-request', detail);
const notFound = (detail: string) => ProblemException.of(404, 'not-found', detail);

/** A service definition attribute (spec §3); `values` only for the two list datatypes. */
type Attribute = Open311Record & { code: string; required: boolean; variable: boolean };

/** Open311 GeoReport v2 on top of intake: the tenant's service list and its inquiries. */
@Injectable()
export class Open311Service {
  private readonly logger = new Logger('Open311');

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly services: ServiceDefinitionsRepository,
    private readonly inquiries: InquiriesService,
    private readonly requests: Open311RequestsRepository,
  ) {}

  discovery(baseUrl: string): Open311Document {
    return {
      root: 'discovery',
      body: {
        changeset: STARTED,
        contact: 'The municipality\'s contact center (kontaktcenter).',
        key_service: 'Ask the municipality for an intake API key (channel "web"); send it as api_key when posting requests.',
        endpoints: [{
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: baseUrl,
          changeset: STARTED,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        }],
      },
    };
  }

  async serviceList(params: Open311Params): Promise<Open311Document> {
    const tenant = await this.tenantFor(params);
    const locale = localeOf(params);
    const defs = await this.services.list(tenant.id);
    return {
      root: 'services',
      body: defs.map((d) => ({
        service_code: d.code,
        service_name: localized(d.name, locale) ?? d.code,
        description: localized(d.description, locale) ?? null,
        metadata: attributesOf(d, locale).length > 0,
        type: 'realtime',
        keywords: (d.keywords ?? [])
          .map((k) => k.replace(/,/g, ' ').trim())
          .filter((k) => k && !FMS_RESERVED_KEYWORDS.has(k.toLowerCase()))
          .join(','),
        group: d.group,
      })),
    };
  }

  async serviceDefinition(params: Open311Params, code: string): Promise<Open311Document> {
    const tenant = await this.tenantFor(params);
    const def = await this.services.find(tenant.id, code);
    if (!def) throw notFound(`service_code '${code}' not found`);
    return { root: 'service_definition', body: { service_code: def.code, attributes: attributesOf(def, localeOf(params)) } };
  }

  /** POST requests: validates everything first, so a rejected request stores nothing. */
  /** `client`: the poster's address, for the submission limits (a flood answers 429). */
  async createRequest(params: Open311Params, files: UploadedFileMeta[], headerKey?: string, client?: string): Promise<Open311Document> {
    const tenant = await this.tenantFor(params);
    const principal = await this.principalFor(tenant, params.get('api_key') ?? headerKey);
    const locale = localeOf(params);
    const code = params.get('service_code');
    if (!code) throw bad('service_code is required');
    const def = await this.services.find(tenant.id, code);
    if (!def) throw notFound(`service_code '${code}' not found`);

    const { location, addressId } = locationOf(params);
    const attributes = attributesAnswered(params);
    for (const a of attributesOf(def, locale)) {
      if (a.variable && a.required && !attributes[a.code]) throw bad(`attribute[${a.code}] is required`);
    }
    const citizen = citizenOf(params);
    const attachments = [
      ...params.all('media_url').filter((u) => /^https?:\/\/\S+$/i.test(u) && u.length <= 2000).slice(0, MAX_MEDIA_URLS).map((url) => ({ url })),
      ...files,
    ];

    const accepted = await this.inquiries.register(principal, {
      channel: principal.role ? 'web' : principal.channel ?? 'web',
      body: descriptionOf(params, def, locale),
      category: def.code,
      type: def.faultReport ? 'fault_report' : undefined,
      citizen,
      location,
      attachments,
      open311: { attributes, ...(addressId ? { addressId } : {}) },
      submittedVia: { via: 'open311', client },
    });
    this.logger.log(`open311 request ${accepted.reference} (${def.code}, ${attachments.length} attachments)`);
    return {
      root: 'service_requests',
      body: [{ service_request_id: accepted.reference, service_notice: text('notice', locale, { ref: accepted.reference }) }],
    };
  }

  /** GET requests: `service_request_id` overrides every other filter; else a ≤ 90-day window. */
  async searchRequests(params: Open311Params): Promise<Open311Document> {
    const tenant = await this.tenantFor(params);
    const ids = [...new Set(params.list('service_request_id'))];
    let rows: PublicRequestRow[];
    if (ids.length > 0) {
      if (ids.length > MAX_RESULTS) throw bad(`at most ${MAX_RESULTS} service_request_id values per call`);
      rows = await this.requests.byReferences(tenant.id, ids.filter((id) => REQUEST_ID.test(id)));
    } else {
      const { from, to } = windowOf(params);
      rows = await this.requests.search({
        tenantId: tenant.id, from, to, serviceCodes: params.list('service_code'), statuses: statusesOf(params), limit: MAX_RESULTS,
      });
    }
    return this.requestList(tenant, rows, localeOf(params));
  }

  async getRequest(params: Open311Params, id: string): Promise<Open311Document> {
    const tenant = await this.tenantFor(params);
    const rows = REQUEST_ID.test(id) ? await this.requests.byReferences(tenant.id, [id]) : [];
    if (rows.length === 0) throw notFound(`service_request_id '${id}' not found`);
    return this.requestList(tenant, rows, localeOf(params));
  }

  /** We answer realtime, so a token is only the inquiry id; it never reveals the citizen's tracking secret. */
  async token(params: Open311Params, token: string): Promise<Open311Document> {
    const tenant = await this.tenantFor(params);
    const reference = UUID.test(token) ? await this.requests.referenceOf(tenant.id, token) : undefined;
    if (!reference) throw notFound(`token '${token}' not found`);
    return { root: 'service_requests', body: [{ service_request_id: reference, token }] };
  }

  /** `jurisdiction_id` (the tenant's jurisdiction id or id) is needed only when we serve several. */
  private async tenantFor(params: Open311Params): Promise<Tenant> {
    const jurisdiction = params.get('jurisdiction_id');
    if (jurisdiction) {
      const tenant = jurisdiction.length <= 200 ? await this.tenants.findByJurisdiction(jurisdiction) : undefined;
      if (!tenant) throw notFound(`jurisdiction_id '${jurisdiction}' not found`);
      return tenant;
    }
    const all = await this.tenants.list();
    if (all.length === 1) return all[0];
    throw bad('jurisdiction_id is required');
  }

  /** Whether a key is one we issued and have not revoked (checked while a multipart body streams in). */
  async isIssuedKey(key: string): Promise<boolean> {
    return key.length <= 200 && Boolean(await this.tenants.findActiveByHash(hashApiKey(key)));
  }

  private async principalFor(tenant: Tenant, key: string | undefined): Promise<Principal> {
    const principal = key && key.length <= 200 ? await this.tenants.findActiveByHash(hashApiKey(key)) : undefined;
    if (!principal || principal.tenantId !== tenant.id) throw ProblemException.of(403, 'forbidden', 'api_key is missing or invalid');
    return principal;
  }

  private async requestList(tenant: Tenant, rows: PublicRequestRow[], locale: Locale): Promise<Open311Document> {
    const defs = new Map((await this.services.list(tenant.id)).map((d) => [d.code, d]));
    return { root: 'service_requests', body: rows.map((r) => publicRequest(r, r.category ? defs.get(r.category) : undefined, tenant.timezone, locale)) };
  }
}

function localeOf(params: Open311Params): Locale {
  return pickLocale(params.get('locale') ?? params.get('lang'));
}

/**
 * What the public may see of a request that is public by nature (the repository returns no
 * other). Its text, only where the citizen wrote it knowing it is shown: through Open311 or the
 * web (the form says so for a public service); a report taken by phone or mail shows where and
 * what, not its words. `status_notes` is a neutral status text: the answer to the citizen and
 * staff notes are never shown. Citizen contact data is never read at all (see PublicRequestRow).
 */
function publicRequest(r: PublicRequestRow, def: ServiceDefinition | undefined, timeZone: string, locale: Locale): Open311Record {
  const publicText = r.viaOpen311 || r.channel === 'web';
  const media = publicText ? r.attachments.map((a) => a?.url).find((u): u is string => typeof u === 'string' && /^https?:\/\//i.test(u)) : undefined;
  const closed = CLOSED_STATUSES.includes(r.status);
  return {
    service_request_id: r.reference,
    status: closed ? 'closed' : 'open',
    status_notes: statusNote(r.status, locale),
    service_name: def ? localized(def.name, locale) ?? def.code : undefined,
    service_code: r.category ?? undefined,
    description: publicText ? truncate(maskPii(r.body), MAX_DESCRIPTION) : text('withheld', locale),
    agency_responsible: r.departmentName ?? undefined,
    requested_datetime: formatW3cDateTime(new Date(r.receivedAt), timeZone),
    updated_datetime: formatW3cDateTime(new Date(r.updatedAt), timeZone),
    address: r.address ? maskPii(r.address) : undefined,
    lat: r.lat !== null && r.lon !== null ? Number(r.lat) : undefined,
    long: r.lat !== null && r.lon !== null ? Number(r.lon) : undefined,
    media_url: media,
  };
}

/** Stored attributes of the service; fault reports without any get an optional `location_detail`. */
export function attributesOf(def: ServiceDefinition, locale: Locale): Attribute[] {
  const stored = Array.isArray(def.attributes) ? def.attributes.filter((a) => a && typeof a.code === 'string' && a.code) : [];
  if (stored.length > 0) {
    return stored.map((a, i) => {
      const datatype = typeof a.datatype === 'string' ? a.datatype : 'string';
      const values = Array.isArray(a.values) ? (a.values as Array<Record<string, unknown>>) : [];
      return {
        variable: a.variable !== false,
        code: String(a.code),
        datatype,
        required: a.required === true,
        datatype_description: textOf(a.datatype_description ?? a.datatypeDescription, locale) ?? null,
        order: typeof a.order === 'number' ? a.order : i + 1,
        description: textOf(a.description, locale) ?? String(a.code),
        values: datatype === 'singlevaluelist' || datatype === 'multivaluelist'
          ? values.map((v) => ({ key: String(v.key), name: textOf(v.name, locale) ?? String(v.key) }))
          : undefined,
      };
    });
  }
  if (!def.faultReport) return [];
  return [{
    variable: true, code: 'location_detail', datatype: 'string', required: false,
    datatype_description: text('locationDetailHint', locale), order: 1, description: text('locationDetail', locale),
  }];
}

function textOf(v: unknown, locale: Locale): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return localized(v as Record<string, string>, locale);
  return undefined;
}

/** Attribute answers by code; a code that names a prototype (`attribute[__proto__]`) is refused, not stored. */
function attributesAnswered(params: Open311Params): Record<string, string[]> {
  const answered = Object.entries(params.attributes());
  const reserved = answered.find(([code]) => PROTOTYPE_KEYS.has(code));
  if (reserved) throw bad(`attribute[${reserved[0]}] is not a valid attribute code`);
  const out: Record<string, string[]> = {};
  for (const [code, values] of answered.slice(0, 100)) {
    if (code.length <= 100) out[code] = values.slice(0, 50).map((v) => truncate(v, 2000));
  }
  return out;
}

function parseCoordinate(value: string, limit: number, name: string): number {
  const n = DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw bad(`${name} must be WGS84 decimal degrees`);
  return n;
}

function locationOf(params: Open311Params) {
  const latText = params.get('lat');
  const longText = params.get('long');
  if ((latText === undefined) !== (longText === undefined)) throw bad('lat and long must be sent together');
  const lat = latText !== undefined ? parseCoordinate(latText, 90, 'lat') : undefined;
  const lon = longText !== undefined ? parseCoordinate(longText, 180, 'long') : undefined;
  const address = params.get('address_string');
  const addressId = params.get('address_id');
  if (lat === undefined && !address && !addressId) throw bad('a location is required: lat and long, address_string or address_id');
  const location = lat !== undefined || address
    ? { ...(address ? { address: truncate(address, 300) } : {}), ...(lat !== undefined ? { lat, lon } : {}) }
    : undefined;
  return { location, addressId: addressId ? truncate(addressId, 200) : undefined };
}

function citizenOf(params: Open311Params) {
  const name = [params.get('first_name'), params.get('last_name')].filter(Boolean).join(' ');
  const email = params.get('email');
  const phone = params.get('phone');
  if (email && (email.length > 254 || !isEmail(email))) throw bad('email is not a valid e-mail address');
  if (phone && !PHONE.test(phone)) throw bad('phone is not a valid phone number');
  if (!name && !email && !phone) return undefined;
  const explicitLocale = params.get('locale') ?? params.get('lang');
  return {
    // A name that could carry a link is left out rather than refused: FixMyStreet would resend the report forever.
    ...(name && isPlausiblePersonName(name) ? { name } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(explicitLocale ? { preferredLanguage: pickLocale(explicitLocale) } : {}),
    notify: Boolean(email),
  };
}

/** Long texts are cut, not refused (FixMyStreet would retry a refused report forever). */
function descriptionOf(params: Open311Params, def: ServiceDefinition, locale: Locale): string {
  const raw = params.get('description')?.replace(/\r\n?/g, '\n');
  return raw ? truncate(raw, MAX_DESCRIPTION) : localized(def.name, locale) ?? def.code;
}

function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function statusesOf(params: Open311Params): string[] | undefined {
  const wanted = new Set(params.list('status').map((s) => s.toLowerCase()));
  for (const s of wanted) if (s !== 'open' && s !== 'closed') throw bad(`status '${s}' is not open or closed`);
  if (wanted.size !== 1) return undefined;
  return wanted.has('open') ? OPEN_STATUSES : CLOSED_STATUSES;
}

/** Both ends inclusive; none given: the last 90 days; one given: 90 days from/to it. */
export function windowOf(params: Open311Params, now = new Date()): { from: Date; to: Date } {
  const dateArg = (name: string) => {
    const v = params.get(name);
    if (v === undefined) return undefined;
    const d = parseW3cDateTime(v);
    if (!d) throw bad(`${name} must be a W3C datetime with a time zone, e.g. 2026-01-31T08:00:00Z`);
    return d;
  };
  const start = dateArg('start_date');
  const end = dateArg('end_date');
  if (!start && !end) return { from: new Date(now.getTime() - MAX_WINDOW_MS), to: now };
  if (start && !end) return { from: start, to: new Date(start.getTime() + MAX_WINDOW_MS) };
  if (!start && end) return { from: new Date(end.getTime() - MAX_WINDOW_MS), to: end };
  if (start!.getTime() > end!.getTime()) throw bad('start_date lies after end_date');
  if (end!.getTime() - start!.getTime() > MAX_WINDOW_MS) throw bad('start_date to end_date may not span more than 90 days');
  return { from: start!, to: end! };
}
