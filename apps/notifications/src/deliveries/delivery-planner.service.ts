import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@lotsen/contracts';
import { UnitOfWork } from '@lotsen/persistence';
import { isPlausiblePersonName } from '@lotsen/platform';
import { maskAddress, notificationHeaders } from '../channels';
import { smsCountryAllowed } from '../channels/sms-countries';
import { NotificationsConfig } from '../notifications.config';
import { chooseChannel } from '../preferences/channel-preference';
import { addressKey, signOptOutToken } from '../preferences/opt-out-token';
import { isAutomated } from '../preferences/suppression-scope';
import { TenantSettingsService } from '../settings/tenant-settings';
import { NotificationTrigger, NotificationValues, normalizeLanguage, renderNotification } from '../templates';
import { TemplatesService } from '../templates/templates.service';
import { Recipient } from '../triggers/recipients.repository';
import { DeliveriesRepository, HOURLY_CAPPED_TRIGGERS } from './deliveries.repository';
import { DispatcherSignal } from './dispatcher-signal';

const HANDOFF_CLAIM = Symbol('deliveries claimed for this instance when planned');

export interface PlanRequest {
  event: EventEnvelope;
  recipient: Recipient;
  trigger: NotificationTrigger;
  values?: Partial<NotificationValues>;
}

/** A delivery planned in the caller's transaction (written when it commits). */
export interface PlannedDelivery {
  id: string;
}

/**
 * Turns a trigger into a delivery row: picks the address, renders the message in the citizen's
 * language with the tenant's templates, and inserts it (at most once per event, recipient and
 * channel; `suppressed` for an address that bounced recently or opted out of automated
 * messages, an SMS to a country the municipality does not allow, or an automatic message past
 * the hourly cap per address) when the caller's transaction commits. The dispatcher is woken then.
 */
@Injectable()
export class DeliveryPlanner {
  private readonly logger = new Logger('DeliveryPlanner');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly deliveries: DeliveriesRepository,
    private readonly settings: TenantSettingsService,
    private readonly templates: TemplatesService,
    private readonly signal: DispatcherSignal,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {}

  /** True when the recipient can be reached at all (an address that is not suppressed is checked later). */
  reachable(r: Recipient): boolean {
    return chooseChannel(r) !== undefined;
  }

  async plan(req: PlanRequest): Promise<PlannedDelivery | undefined> {
    const r = req.recipient;
    let target = chooseChannel(r);
    if (!target) return undefined;
    const settings = await this.settings.get(r.tenantId);
    let suppressedBecause: string | undefined;
    if (target.channel === 'sms' && !smsCountryAllowed(target.address, settings.smsCountries)) {
      // An e-mail address given as well still reaches the citizen; otherwise the refusal is on record.
      if (r.email) target = { channel: 'email', address: r.email };
      else suppressedBecause = 'SMS to this country is not allowed for this municipality';
    }
    const key = addressKey(this.config.secret, target.address);
    const language = normalizeLanguage(r.preferredLanguage) ?? normalizeLanguage(r.language) ?? 'sv';
    const optOutUrl = optOutLink(this.config, r.tenantId, key, language);
    const values: NotificationValues = {
      tenantName: settings.name,
      reference: r.reference,
      trackingUrl: r.trackingToken
        ? `${this.config.citizenBaseUrl}/arende?reference=${encodeURIComponent(r.reference)}&token=${encodeURIComponent(r.trackingToken)}`
        : undefined,
      optOutUrl,
      // Names that fail the edge's check (older rows, mail display names) are left out of the greeting.
      citizenName: r.citizenName && isPlausiblePersonName(r.citizenName) ? r.citizenName : undefined,
      departmentName: r.departmentName,
      ...req.values,
    };
    const rendered = renderNotification({
      trigger: req.trigger,
      language,
      values,
      overrides: await this.templates.overridesFor(r.tenantId),
    });
    if (rendered.overrideError) {
      this.logger.warn(`tenant ${r.tenantId}: stored template ${req.trigger}.${rendered.language} does not compile; default used`);
    }
    const id = randomUUID();
    // The reference in the subject lets a reply be matched to the case even without threading headers.
    const subject = rendered.subject.includes(r.reference) ? rendered.subject : `${rendered.subject} [${r.reference}]`;
    const email = target.channel === 'email';
    // While this instance's dispatcher has room, the delivery is planned claimed for it (one claim
    // per transaction) and handed over once committed.
    const claimId = !suppressedBecause && this.signal.accepting() ? this.tx.local(HANDOFF_CLAIM, () => randomUUID()) : undefined;
    this.deliveries.insertAtCommit({
      id,
      tenantId: r.tenantId,
      inquiryId: r.inquiryId,
      eventId: req.event.id,
      trigger: req.trigger,
      channel: target.channel,
      recipient: target.address,
      addressKey: key,
      language: rendered.language,
      subject,
      text: email ? rendered.text : rendered.sms,
      html: email ? rendered.html : undefined,
      meta: email
        ? {
            from: settings.from,
            // kontakt+KC-2026-000123@…: a reply reaches intake's mail listener tagged with its case.
            replyTo: plusAddress(settings.replyTo, r.reference),
            // Intake drops mail carrying this header, so an auto-reply loop cannot open cases.
            headers: { ...notificationHeaders({ automatic: isAutomated(req.trigger), optOutUrl, oneClick: true }), 'X-Lotsen-Loop': r.tenantId },
          }
        : { smsSender: settings.smsSender },
      suppressedBecause,
      hourlyCap: HOURLY_CAPPED_TRIGGERS.includes(req.trigger) ? this.config.receiptsPerAddressPerHour : undefined,
    }, claimId ? { claimId, claimed: (c) => this.tx.afterCommit(() => this.signal.adopt([c])) } : undefined);
    this.logger.debug(`planned ${req.trigger} ${id} for ${r.reference} by ${target.channel} to ${maskAddress(target.address)} in ${rendered.language}${suppressedBecause ? ` (suppressed: ${suppressedBecause})` : ''}`);
    if (suppressedBecause) return undefined;
    if (!claimId) this.tx.afterCommit(() => this.signal.nudge());
    return { id };
  }

}

/** Tenant ids are slugs; a tenant id that is not URL-safe gets no opt-out link rather than a broken one. */
function optOutLink(config: NotificationsConfig, tenantId: string, key: string, language: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(tenantId)) return undefined;
  return `${config.publicUrl}/v1/opt-out/${signOptOutToken(config.secret, { tenantId, addressKey: key, language })}`;
}

/** `Name <local@domain>` → `Name <local+tag@domain>` (plain addresses too). */
export function plusAddress(address: string, tag: string): string {
  return address.replace(/([^\s<>@+]+)(\+[^@\s<>]*)?@([^\s<>]+)/, (_m, local: string, _old: string, domain: string) => `${local}+${tag}@${domain}`);
}
