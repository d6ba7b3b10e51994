import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { InquiryIdsDto } from '@lotsen/retention';

export class PutRetentionRuleDto {
  @ApiProperty({ enum: ['gallras', 'bevaras'], description: 'gallras: removed N months after resolution; bevaras: kept' })
  @IsIn(['gallras', 'bevaras']) action: 'gallras' | 'bevaras';

  @ApiPropertyOptional({ description: 'Months after the inquiry was resolved (gallras only)', example: 24 })
  @ValidateIf((o: PutRetentionRuleDto) => o.action === 'gallras') @IsInt() @Min(0) @Max(1200) months?: number;

  @ApiPropertyOptional({ description: "Where the rule comes from, e.g. the board's dokumenthanteringsplan, section 4.2" })
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class LegalHoldDto {
  @ApiProperty({ description: 'Why removal must wait (e.g. an appeal, a police request)' })
  @IsString() @MinLength(3) @MaxLength(1000) reason: string;
}

export class StartRetentionRunDto {
  @ApiPropertyOptional({ description: 'Apply the rules as of this date (default now); a date in the future shows what will be due' })
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;

  @ApiPropertyOptional({ description: 'Only count what would be removed, per category' })
  @IsOptional() @IsIn([true, false]) dryRun?: boolean;
}

export class ErasureDto extends InquiryIdsDto {
  @ApiProperty({ description: 'The request (e.g. its registration number) and the ground' })
  @IsString() @MinLength(3) @MaxLength(1000) reason: string;
}
