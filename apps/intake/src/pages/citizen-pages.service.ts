import { Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { isDatabaseUnavailable } from '@lotsen/persistence';
import { Principal, ProblemException } from '@lotsen/platform';
import { ServiceDefinitionsRepository } from '../catalogue/service-definitions.repository';
import { CreateInquiryDto } from '../inquiries/dto/create-inquiry.dto';
import { InquiriesService } from '../inquiries/inquiries.service';
import { IntakeConfig } from '../intake.config';
import { pickLocale } from '../open311/open311-texts';
import { Tenant, TenantsRepository } from '../tenants/tenants.repository';
import { FormTokens } from './csrf';
import { renderFollowForm, renderFollowPage, REPLY_MAX } from './follow-page';
import { FOLLOW_PATH, FormErrors, FormField, FormValues, renderFormPage, renderReceiptPage } from './form-page';
import { Locale, t, TextKey } from './page-texts';

export interface PageResult {
  status: number;
  html: string;
  /** Seconds until a limit lifts (a 429 page), sent as Retry-After. */
  retryAfterSeconds?: number;
}

type FormBody = Record<string, unknown>;

const FIELDS: FormField[] = ['category', 'subject', 'body', 'address', 'lat', 'lon', 'name', 'email', 'phone'];
const MESSAGES: Record<FormField, TextKey> = {
  category: 'errCategory', subject: 'errSubject', body: 'errBodyLong', address: 'errAddress', lat: 'errLat', lon: 'errLon',
  name: 'errName', email: 'errEmail', phone: 'errPhone',
};

/** The citizen's own pages: the e-service form and "follow my case", server-rendered. */
@Injectable()
export class CitizenPagesService {
  private readonly logger = new Logger('CitizenPages');
  readonly tokens: FormTokens;

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly services: ServiceDefinitionsRepository,
    private readonly inquiries: InquiriesService,
    @Inject(IntakeConfig) config: IntakeConfig,
  ) {
    this.tokens = new FormTokens(config.secret);
  }

  /** `?kommun=` (tenant id or jurisdiction) is needed only when intake serves several municipalities. */
  async tenantFor(param: string | undefined): Promise<Tenant | undefined> {
    if (param) return param.length <= 200 ? this.tenants.findByJurisdiction(param) : undefined;
    const all = await this.tenants.list();
    return all.length === 1 ? all[0] : undefined;
  }

  async form(tenant: Tenant, locale: Locale, tenantParam: string | undefined, browserSecret: string): Promise<PageResult> {
    return { status: 200, html: renderFormPage({ locale, tenantParam, services: await this.services.list(tenant.id), csrf: this.tokens.issue(browserSecret), fresh: true }) };
  }

  /** `client`: the sender's address, for the form's submission limits. */
  async submit(tenant: Tenant, body: FormBody, browserSecret: string | undefined, newSecret: string, client?: string): Promise<PageResult> {
    const locale = pickLocale(str(body.lang));
    const tenantParam = str(body.kommun) || undefined;
    const values: FormValues = Object.fromEntries([...FIELDS, 'notify'].map((f) => [f, str(body[f]).trim()]));
    const again = async (status: number, errors: FormErrors): Promise<PageResult> => ({
      status,
      html: renderFormPage({ locale, tenantParam, services: await this.services.list(tenant.id), csrf: this.tokens.issue(browserSecret ?? newSecret), values, errors, fresh: false }),
    });

    const nonce = this.tokens.verify(str(body.csrf), browserSecret);
    if (!nonce) return again(400, { form: t('errExpired', locale) });
    if (str(body.website)) {
      this.logger.log('citizen form: honeypot filled, nothing registered');
      return again(400, { form: t('errExpired', locale) });
    }

    const errors: FormErrors = {};
    const lat = coordinate(values.lat);
    const lon = coordinate(values.lon);
    if (lat === null) errors.lat = t('errLat', locale);
    if (lon === null) errors.lon = t('errLon', locale);
    if (!errors.lat && !errors.lon && (lat === undefined) !== (lon === undefined)) {
      if (lat === undefined) errors.lat = t('errLat', locale);
      else errors.lon = t('errLon', locale);
    }
    const contact = values.name || values.email || values.phone;
    const plain = {
      channel: 'web',
      subject: values.subject || undefined,
      body: values.body ?? '',
      category: values.category || undefined,
      citizen: contact ? { name: values.name || undefined, email: values.email || undefined, phone: values.phone || undefined, preferredLanguage: locale, notify: values.notify === 'yes' } : undefined,
      location: values.address || lat !== undefined ? { address: values.address || undefined, lat: lat ?? undefined, lon: lon ?? undefined } : undefined,
    };
    const dto = plainToInstance(CreateInquiryDto, plain);
    for (const e of flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }))) {
      const field = e.field as FormField;
      if (!FIELDS.includes(field) || errors[field]) continue;
      errors[field] = t(field === 'body' && !values.body ? 'errBodyRequired' : MESSAGES[field], locale);
    }
    if (Object.keys(errors).length) return again(400, errors);

    const principal: Principal = { keyId: 'citizen-form', tenantId: tenant.id, channel: 'web' };
    try {
      // The form's nonce is the Idempotency-Key: sending the same form twice registers it once.
      const accepted = await this.inquiries.create(principal, dto, `form:${nonce}`, { via: 'form', client });
      return { status: 200, html: renderReceiptPage({ locale, reference: accepted.reference, trackingToken: accepted.trackingToken, duplicateOf: accepted.duplicateOf?.reference, tenantParam }) };
    } catch (err) {
      if (err instanceof ProblemException) {
        const slug = err.body.type.split('/').pop();
        if (slug === 'unknown-category') return again(400, { category: t('errCategory', locale) });
        if (slug === 'idempotency-key-reused') return again(400, { form: t('errResent', locale) });
        if (err.body.status === 400 && /location/.test(err.body.detail ?? '')) return again(400, { lat: t('errLat', locale) });
        if (err.body.status === 503) return again(503, { form: t('errUnavailable', locale) });
        if (err.body.status === 429) {
          const retryAfter = err.body.retryAfterSeconds;
          return { ...(await again(429, { form: t('errTooMany', locale) })), retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : undefined };
        }
      }
      if (isDatabaseUnavailable(err)) return again(503, { form: t('errUnavailable', locale) });
      throw err;
    }
  }

  /** The citizen's reply from the follow page; answers where to see the case again. */
  async reply(body: FormBody, browserSecret: string | undefined, client?: string): Promise<string> {
    if (!this.tokens.verify(str(body.csrf), browserSecret)) throw ProblemException.of(400, 'csrf', 'The page has expired: open it again and resend.');
    const reference = str(body.reference).trim().toUpperCase();
    const token = str(body.token).trim();
    const message = str(body.message).trim();
    if (!reference || reference.length > 40 || token.length < 10 || token.length > 100) throw badReply('Give the reference and the tracking token of the case.');
    if (!message) throw badReply('Write a reply.');
    if (message.length > REPLY_MAX) throw badReply(`A reply has at most ${REPLY_MAX} characters.`);
    await this.inquiries.citizenReply(reference, token, message, client);
    const lang = pickLocale(str(body.lang));
    return `${FOLLOW_PATH}?reference=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}&lang=${lang}`;
  }

  async follow(query: { reference?: string; token?: string }, locale: Locale, timeZone: string, client?: string, browserSecret?: string): Promise<PageResult> {
    const reference = (query.reference ?? '').trim().toUpperCase();
    const token = (query.token ?? '').trim();
    if (!reference && !token) return { status: 200, html: renderFollowForm({ locale }) };
    if (token.length < 10 || token.length > 100 || reference.length > 40) return { status: 404, html: renderFollowForm({ locale, reference, notFound: true }) };
    try {
      const c = await this.inquiries.citizenView(reference, token, client);
      return { status: 200, html: renderFollowPage({ locale, c, token, timeZone, csrf: browserSecret && this.tokens.issue(browserSecret) }) };
    } catch (err) {
      if (err instanceof ProblemException && (err.body.status === 404 || err.body.status === 429)) return { status: 404, html: renderFollowForm({ locale, reference, notFound: true }) };
      throw err;
    }
  }
}

/** Bad input of the reply box: problem+json, nothing stored. */
const badReply = (detail: string) => ProblemException.of(400, 'validation', detail);

function str(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.slice(0, 100_000) : '';
}

/** undefined = empty, null = not a coordinate; a decimal comma is fine. */
function coordinate(v: string | undefined): number | undefined | null {
  if (!v) return undefined;
  const s = v.replace(',', '.');
  if (!/^[+-]?\d{1,3}(\.\d{1,12})?$/.test(s)) return null;
  return Number(s);
}

/** class-validator's nested errors as form fields (`citizen.email` → `email`). */
function flatten(errors: ValidationError[]): Array<{ field: string }> {
  return errors.flatMap((e) => (e.children?.length ? flatten(e.children) : [{ field: e.property }]));
}
