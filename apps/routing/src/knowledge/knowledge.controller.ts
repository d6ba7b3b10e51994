import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
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

@ApiTags('knowledge')
@ApiSecurity('api-key')
@Controller('v1/knowledge')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get('search') @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Search earlier answered questions and curated answers (full text, Swedish/English stemming, typo-tolerant)' })
  @ApiQuery({ name: 'q' })
  search(@CurrentPrincipal() p: Principal, @Query('q') q?: string) {
    if (typeof q !== 'string' || !q.trim() || q.length > 500) throw ProblemException.of(400, 'validation', 'q: 1–500 characters');
    return this.knowledge.searchFor(p, q.trim());
  }

  @Post('answers') @HttpCode(201) @Roles('supervisor', 'admin') @AuditedChange('knowledge.curate')
  @ApiOperation({ summary: 'Add a curated answer' })
  async add(@CurrentPrincipal() p: Principal, @Body() dto: CuratedAnswerDto) {
    await this.knowledge.curated({ tenantId: p.tenantId, ...dto });
    return { ok: true };
  }
}
