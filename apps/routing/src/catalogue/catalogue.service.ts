import { Injectable } from '@nestjs/common';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { ProblemException } from '@lotsen/platform';
import { EventTypes } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { CalendarRepository } from '../sla/calendar.repository';
import { Agreement, AgreementError, AgreementTerms, nextAgreementVersion } from './agreement';
import { CatalogueRepository, Category, Department } from './catalogue.repository';
import { AgreementChangeDto, CategoryDto, DepartmentDto, UpdateCategoryDto } from './catalogue.dto';

/** Categories, departments and versioned agreements of a tenant. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly tx: UnitOfWork,
    private readonly repo: CatalogueRepository,
    private readonly calendar: CalendarRepository,
    private readonly events: EventPublisher,
  ) {}

  departments(tenantId: string) {
    return this.repo.departments(tenantId);
  }

  async department(tenantId: string, code: string): Promise<Department> {
    const d = await this.repo.department(tenantId, code);
    if (!d) throw ProblemException.of(404, 'unknown-department', `No department with code "${code}".`);
    return d;
  }

  /** 422 for a department a request refers to that does not exist. */
  async requireDepartment(tenantId: string, code: string): Promise<Department> {
    const d = await this.repo.department(tenantId, code);
    if (!d || !d.active) throw ProblemException.of(422, 'unknown-department', `No active department with code "${code}".`);
    return d;
  }

  async putDepartment(tenantId: string, code: string, dto: DepartmentDto): Promise<Department> {
    // Refused here, not when an SLA clock of the department starts: hours that make no sense (a break outside them, closing before opening).
    if (dto.businessHours) {
      const { timezone, holidays } = await this.calendar.get(tenantId);
      try {
        new BusinessCalendar({ hours: dto.businessHours, timezone, holidays });
      } catch (err) {
        throw ProblemException.of(422, 'invalid-calendar', (err as Error).message);
      }
    }
    await this.repo.upsertDepartment(tenantId, { code, name: dto.name, email: dto.email ?? null, businessHours: dto.businessHours ?? null, active: dto.active ?? true });
    return (await this.repo.department(tenantId, code))!;
  }

  categories(tenantId: string, includeInactive: boolean) {
    return this.repo.categories(tenantId, includeInactive);
  }

  async category(tenantId: string, code: string): Promise<Category & { agreement?: Agreement }> {
    const c = await this.repo.category(tenantId, code);
    if (!c) throw ProblemException.of(404, 'unknown-category', `No category with code "${code}".`);
    return { ...c, agreement: await this.repo.currentAgreement(tenantId, code) };
  }

  async createCategory(tenantId: string, dto: CategoryDto, actor: string) {
    return this.tx.run(async () => {
      if (await this.repo.category(tenantId, dto.code)) throw ProblemException.of(409, 'category-exists', `Category "${dto.code}" exists; use PUT to change it.`);
      await this.requireDepartment(tenantId, dto.department);
      await this.repo.upsertCategory(tenantId, {
        code: dto.code, department: dto.department, group: dto.group ?? '', name: dto.name, description: dto.description ?? {},
        keywords: dto.keywords ?? {}, faultReport: dto.faultReport ?? false, active: true,
      });
      await this.changeAgreementInTx(tenantId, dto.code, dto.agreement ?? {}, actor, 'created with the category');
      await this.announce(tenantId, { code: dto.code, names: dto.name, department: dto.department, active: true });
      return this.category(tenantId, dto.code);
    });
  }

  async updateCategory(tenantId: string, code: string, dto: UpdateCategoryDto) {
    return this.tx.run(async () => {
      const c = await this.repo.category(tenantId, code);
      if (!c) throw ProblemException.of(404, 'unknown-category', `No category with code "${code}".`);
      if (dto.department) await this.requireDepartment(tenantId, dto.department);
      await this.repo.upsertCategory(tenantId, {
        ...c, department: dto.department ?? c.department, group: dto.group ?? c.group, name: dto.name ?? c.name,
        description: dto.description ?? c.description, keywords: dto.keywords ?? c.keywords, faultReport: dto.faultReport ?? c.faultReport,
        active: dto.active ?? c.active,
      });
      await this.announce(tenantId, { code, names: dto.name ?? c.name, department: dto.department ?? c.department, active: dto.active ?? c.active });
      return this.category(tenantId, code);
    });
  }

  /** Reports show categories by name: reporting learns them from this event, never from routing's tables. */
  private async announce(tenantId: string, c: { code: string; names: Record<string, string>; department: string; active: boolean }): Promise<void> {
    await this.events.publish(EventTypes.CategoryChanged, c, { tenantId });
  }

  async agreements(tenantId: string) {
    return this.repo.currentAgreements(tenantId);
  }

  async agreement(tenantId: string, category: string) {
    const c = await this.repo.category(tenantId, category);
    if (!c) throw ProblemException.of(404, 'unknown-category', `No category with code "${category}".`);
    const versions = await this.repo.agreementHistory(tenantId, category);
    return { category, current: versions[0] ?? null, versions };
  }

  async changeAgreement(tenantId: string, category: string, dto: AgreementChangeDto, actor: string) {
    return this.tx.run(async () => {
      const c = await this.repo.category(tenantId, category);
      if (!c) throw ProblemException.of(404, 'unknown-category', `No category with code "${category}".`);
      const r = await this.changeAgreementInTx(tenantId, category, dto, actor, dto.note);
      return { ...r.agreement, changed: r.changed };
    });
  }

  private async changeAgreementInTx(tenantId: string, category: string, change: Partial<AgreementTerms>, actor: string, note?: string) {
    if (change.department) await this.requireDepartment(tenantId, change.department);
    await this.repo.lockCategory(tenantId, category); // serialises version numbers per category
    const cat = (await this.repo.category(tenantId, category))!;
    const settings = await this.calendar.get(tenantId);
    const base: AgreementTerms = {
      firstLine: cat.department === 'kontaktcenter', department: cat.department,
      slaFirstResponseHours: settings.defaultFirstResponseHours, slaResolutionHours: settings.defaultResolutionHours, priority: 3,
    };
    try {
      const r = nextAgreementVersion(category, await this.repo.currentAgreement(tenantId, category), change, base, { changedBy: actor, note });
      if (r.changed) await this.repo.insertAgreement(tenantId, r.agreement);
      return r;
    } catch (err) {
      if (err instanceof AgreementError) throw ProblemException.of(422, 'invalid-agreement', err.message);
      throw err;
    }
  }
}
