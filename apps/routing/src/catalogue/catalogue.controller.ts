import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuditedChange } from '@lotsen/identity';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { AgreementChangeDto, CategoryDto, CODE, DepartmentDto, UpdateCategoryDto } from './catalogue.dto';
import { CatalogueService } from './catalogue.service';

const STAFF = ['agent', 'supervisor', 'admin', 'department'];

function code(value: string, what: string): string {
  if (!CODE.test(value)) throw ProblemException.of(404, `unknown-${what}`, `No ${what} with code "${value.slice(0, 64)}".`);
  return value;
}

@ApiTags('catalogue')
@ApiSecurity('api-key')
@Controller('v1')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('categories') @Roles(...STAFF)
  @ApiOperation({ summary: 'Service catalogue: categories (add ?all=true for inactive ones)' })
  categories(@CurrentPrincipal() p: Principal, @Query('all') all?: string) {
    return this.catalogue.categories(p.tenantId, all === 'true');
  }

  @Get('categories/:code') @Roles(...STAFF)
  category(@CurrentPrincipal() p: Principal, @Param('code') c: string) {
    return this.catalogue.category(p.tenantId, code(c, 'category'));
  }

  @Post('categories') @Roles('admin') @AuditedChange('category.create')
  @ApiOperation({ summary: 'Add a category with its first agreement version' })
  createCategory(@CurrentPrincipal() p: Principal, @Body() dto: CategoryDto) {
    return this.catalogue.createCategory(p.tenantId, dto, p.subjectId ?? p.keyId);
  }

  @Put('categories/:code') @Roles('admin') @AuditedChange('category.change')
  updateCategory(@CurrentPrincipal() p: Principal, @Param('code') c: string, @Body() dto: UpdateCategoryDto) {
    return this.catalogue.updateCategory(p.tenantId, code(c, 'category'), dto);
  }

  @Get('agreements') @Roles(...STAFF)
  @ApiOperation({ summary: 'The current agreement version of every category' })
  agreements(@CurrentPrincipal() p: Principal) {
    return this.catalogue.agreements(p.tenantId);
  }

  @Get('agreements/:category') @Roles(...STAFF)
  @ApiOperation({ summary: "A category's agreement: current version and history" })
  agreement(@CurrentPrincipal() p: Principal, @Param('category') c: string) {
    return this.catalogue.agreement(p.tenantId, code(c, 'category'));
  }

  @Put('agreements/:category') @Roles('admin', 'supervisor') @AuditedChange('agreement.change')
  @ApiOperation({ summary: 'Change an agreement: creates a new version that applies to new inquiries only' })
  changeAgreement(@CurrentPrincipal() p: Principal, @Param('category') c: string, @Body() dto: AgreementChangeDto) {
    return this.catalogue.changeAgreement(p.tenantId, code(c, 'category'), dto, p.subjectId ?? p.keyId);
  }

  @Get('departments') @Roles(...STAFF)
  departments(@CurrentPrincipal() p: Principal) {
    return this.catalogue.departments(p.tenantId);
  }

  @Get('departments/:code') @Roles(...STAFF)
  department(@CurrentPrincipal() p: Principal, @Param('code') c: string) {
    return this.catalogue.department(p.tenantId, code(c, 'department'));
  }

  @Put('departments/:code') @Roles('admin') @AuditedChange('department.change')
  @ApiOperation({ summary: 'Create or change a department (work routing key: <tenant>.<code>)' })
  putDepartment(@CurrentPrincipal() p: Principal, @Param('code') c: string, @Body() dto: DepartmentDto) {
    if (!CODE.test(c)) throw ProblemException.of(400, 'validation', 'code must be lower_snake (a-z, 0-9, _)');
    return this.catalogue.putDepartment(p.tenantId, c, dto);
  }
}
