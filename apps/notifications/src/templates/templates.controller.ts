import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditedChange } from '@lotsen/identity';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { TemplatesService } from './templates.service';

const MAX = 100_000;

export class TemplateDto {
  @IsString() @MaxLength(1000) subject: string;
  @IsString() @MaxLength(MAX) text: string;
  @IsString() @MaxLength(MAX) html: string;
  /** Optional: the language's default SMS wording is used without it. */
  @IsOptional() @IsString() @MaxLength(2000) sms?: string;
}

export class PreviewDto {
  @IsOptional() @IsString() @MaxLength(1000) subject?: string;
  @IsOptional() @IsString() @MaxLength(MAX) text?: string;
  @IsOptional() @IsString() @MaxLength(MAX) html?: string;
  @IsOptional() @IsString() @MaxLength(2000) sms?: string;
}

/** Tenant overrides of the message templates (per trigger and language), for admins and supervisors. */
@ApiTags('templates')
@ApiSecurity('api-key')
@Roles('admin', 'supervisor')
@Controller('v1/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Triggers, default languages and this tenant\'s overrides.' })
  list(@CurrentPrincipal() p: Principal) {
    return this.templates.list(p.tenantId);
  }

  @Get(':trigger/:language')
  @ApiOperation({ summary: 'The template in effect (override or default).' })
  get(@Param('trigger') trigger: string, @Param('language') language: string, @CurrentPrincipal() p: Principal) {
    return this.templates.get(p.tenantId, trigger, language);
  }

  @Put(':trigger/:language')
  @AuditedChange('template.change')
  @ApiOperation({ summary: 'Saves an override; bad syntax is 422 with the part and line at fault.' })
  save(@Param('trigger') trigger: string, @Param('language') language: string, @Body() dto: TemplateDto, @CurrentPrincipal() p: Principal) {
    return this.templates.save(p.tenantId, trigger, language, dto, p.subjectId ?? p.keyId);
  }

  @Delete(':trigger/:language')
  @AuditedChange('template.reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes the override: the default applies again.' })
  async remove(@Param('trigger') trigger: string, @Param('language') language: string, @CurrentPrincipal() p: Principal): Promise<void> {
    await this.templates.remove(p.tenantId, trigger, language);
  }

  @Post(':trigger/:language/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renders with sample values: the given (unsaved) template, or the one in effect.' })
  preview(@Param('trigger') trigger: string, @Param('language') language: string, @Body() dto: PreviewDto, @CurrentPrincipal() p: Principal) {
    const given = dto && (dto.subject !== undefined || dto.text !== undefined || dto.html !== undefined || dto.sms !== undefined);
    const template = given ? { subject: dto.subject ?? '', text: dto.text ?? '', html: dto.html ?? '', ...(dto.sms === undefined ? {} : { sms: dto.sms }) } : undefined;
    return this.templates.preview(p.tenantId, trigger, language, template);
  }
}
