import { Injectable } from '@nestjs/common';
import { ProblemException } from '@lotsen/platform';
import { TemplateParts, TRIGGERS, NotificationTrigger, defaultTemplates, LANGUAGES } from './default-templates';
import { normalizeLanguage, previewNotification, RenderedNotification, TemplateOverrides, TemplateSyntaxError, validateTemplate } from './engine';
import { TemplateOverridesRepository } from './template-overrides.repository';

const CACHE_MS = 10_000;

/** Tenant overrides of the default templates: validated on save, cached for rendering. */
@Injectable()
export class TemplatesService {
  private readonly cache = new Map<string, { value: TemplateOverrides; until: number }>();

  constructor(private readonly repo: TemplateOverridesRepository) {}

  /** The tenant's overrides for rendering (other instances see an edit within CACHE_MS). */
  async overridesFor(tenantId: string): Promise<TemplateOverrides> {
    const hit = this.cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await this.repo.overrides(tenantId);
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(tenantId, { value, until: Date.now() + CACHE_MS });
    return value;
  }

  async list(tenantId: string) {
    const overrides = await this.repo.list(tenantId);
    return {
      triggers: TRIGGERS,
      defaultLanguages: LANGUAGES,
      overrides: overrides.map((o) => ({ trigger: o.trigger, language: o.language, updatedBy: o.updatedBy ?? null, updatedAt: o.updatedAt })),
    };
  }

  /** The template in effect for (trigger, language): the tenant's override, else the default. */
  async get(tenantId: string, trigger: string, language: string) {
    const t = checkTrigger(trigger);
    const lang = checkLanguage(language);
    const override = (await this.repo.list(tenantId)).find((o) => o.trigger === t && o.language === lang);
    if (override) {
      const { subject, text, html, sms } = override;
      return { trigger: t, language: lang, source: 'override' as const, subject, text, html, sms: sms ?? null, updatedAt: override.updatedAt };
    }
    const d = (defaultTemplates[t] as Record<string, TemplateParts | undefined>)[lang];
    if (!d) throw ProblemException.of(404, 'not-found', `No template for ${t} in "${lang}"; messages in that language fall back to sv, then en.`);
    return { trigger: t, language: lang, source: 'default' as const, ...d };
  }

  async save(tenantId: string, trigger: string, language: string, parts: TemplateParts, by?: string) {
    const t = checkTrigger(trigger);
    const lang = checkLanguage(language);
    validateOrThrow(parts);
    await this.repo.upsert(tenantId, t, lang, parts, by);
    this.cache.delete(tenantId);
    return this.get(tenantId, t, lang);
  }

  async remove(tenantId: string, trigger: string, language: string): Promise<void> {
    const t = checkTrigger(trigger);
    const lang = checkLanguage(language);
    if (!(await this.repo.remove(tenantId, t, lang))) throw ProblemException.of(404, 'not-found', 'This tenant has no override for that template.');
    this.cache.delete(tenantId);
  }

  /** Renders with sample values: an unsaved template if given (validated first), else what is in effect. */
  async preview(tenantId: string, trigger: string, language: string, template?: TemplateParts): Promise<Omit<RenderedNotification, 'overrideError'>> {
    const t = checkTrigger(trigger);
    const lang = checkLanguage(language);
    const overrides = await this.repo.overrides(tenantId);
    try {
      const { overrideError: _ignored, ...rendered } = previewNotification({ trigger: t, language: lang, overrides, template });
      return rendered;
    } catch (e) {
      if (e instanceof TemplateSyntaxError) throw syntaxProblem(e);
      throw e;
    }
  }
}

function checkTrigger(trigger: string): NotificationTrigger {
  if (!(TRIGGERS as readonly string[]).includes(trigger)) {
    throw ProblemException.of(404, 'not-found', `Unknown trigger "${trigger}"; one of: ${TRIGGERS.join(', ')}.`);
  }
  return trigger as NotificationTrigger;
}

function checkLanguage(language: string): string {
  const lang = normalizeLanguage(language);
  if (!lang) throw ProblemException.of(400, 'invalid-language', `"${language}" is not a language code (e.g. sv, en, ar, fi).`);
  return lang;
}

function validateOrThrow(parts: TemplateParts): void {
  try {
    validateTemplate(parts);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) throw syntaxProblem(e);
    throw e;
  }
}

/** 422 with the part, line and column at fault, so an editor can point at it. */
function syntaxProblem(e: TemplateSyntaxError): ProblemException {
  return ProblemException.of(422, 'template-syntax', e.message, {
    part: e.part,
    line: e.line,
    ...(e.column ? { column: e.column } : {}),
    reason: e.reason,
    errors: [{ field: e.part, message: `line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.reason}` }],
  });
}
