import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CHANNELS, INQUIRY_TYPES } from '@lotsen/contracts';
import { GROUPS } from './kpi-query';

/** Query of GET /v1/kpis (checked again, with problem details, by KpisService.parse). */
export class KpiQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local date (Europe/Stockholm), default: first day of this month' })
  @IsOptional() @IsString() @MaxLength(10) from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local date, inclusive; default today' })
  @IsOptional() @IsString() @MaxLength(10) to?: string;

  @ApiPropertyOptional({ description: `One or two of ${GROUPS.join('|')} (one time group and/or one dimension), comma-separated`, example: 'day,channel' })
  @IsOptional() @IsString() @MaxLength(40) groupBy?: string;

  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsString() @MaxLength(64) channel?: string;
  @ApiPropertyOptional({ example: 'gata_park' }) @IsOptional() @IsString() @MaxLength(64) department?: string;
  @ApiPropertyOptional({ example: 'street_lighting' }) @IsOptional() @IsString() @MaxLength(64) category?: string;
  @ApiPropertyOptional({ enum: INQUIRY_TYPES }) @IsOptional() @IsString() @MaxLength(64) type?: string;
  @ApiPropertyOptional({ example: 'sv' }) @IsOptional() @IsString() @MaxLength(64) language?: string;

  @ApiPropertyOptional({ description: 'Phone service level: answered within this many seconds (default: the goal’s, else 20)', example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3600) serviceLevelSeconds?: number;
}

export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
}
