import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AuditedChange } from '@lotsen/identity';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { KnowledgeService } from './knowledge.service';

export class CuratedAnswerDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(2000) question: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(8000) answer: string;
  @ApiProperty({ enum: ['sv', 'en', 'ar', 'fi'] }) @IsIn(['sv', 'en', 'ar', 'fi']) language: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9_]{1,64}$/) category?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9_]{1,64}$/) department?: string;
}

/** The reviewer's text for a draft: either part may be left as it is. */
export class DraftTextDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(4000) question?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(8000) answer?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function draftId(id: string): string {
  if (!UUID.test(id)) throw ProblemException.of(404, 'not-found', 'No such draft.');
  return id;
}

@ApiTags('knowledge')
@ApiSecurity('api-key')
@Controller('v1/knowledge')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get('search') @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Search curated and published answers (full text, Swedish/English stemming, typo-tolerant)' })
  @ApiQuery({ name: 'q' })
  search(@CurrentPrincipal() p: Principal, @Query('q') q?: string) {
    if (typeof q !== 'string' || !q.trim() || q.length > 500) throw ProblemException.of(400, 'validation', 'q: 1–500 characters');
    return this.knowledge.searchFor(p, q.trim());
  }

  @Post('answers') @HttpCode(201) @Roles('supervisor', 'admin') @AuditedChange('knowledge.curate')
  @ApiOperation({ summary: 'Add a curated answer (published at once)' })
  async add(@CurrentPrincipal() p: Principal, @Body() dto: CuratedAnswerDto) {
    await this.knowledge.curated({ tenantId: p.tenantId, ...dto, by: p.subjectId ?? p.keyId });
    return { ok: true };
  }

  @Get('drafts') @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Answers learned from cases, waiting for review (newest first); never suggested or searched' })
  drafts(@CurrentPrincipal() p: Principal) {
    return this.knowledge.drafts(p.tenantId, 200);
  }

  @Put('drafts/:id') @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Edit a draft's text (remove what identifies the citizen)" })
  edit(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DraftTextDto) {
    return this.knowledge.editDraft(p.tenantId, draftId(id), dto);
  }

  @Post('drafts/:id/publish') @HttpCode(200) @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Publish a reviewed draft (optionally with its final text): from now on it is suggested and searched' })
  publish(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DraftTextDto) {
    return this.knowledge.publish(p.tenantId, draftId(id), p.subjectId ?? p.keyId, dto);
  }

  @Delete('drafts/:id') @HttpCode(204) @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Discard a draft (its text is deleted)' })
  async discard(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    await this.knowledge.discard(p.tenantId, draftId(id));
  }
}
