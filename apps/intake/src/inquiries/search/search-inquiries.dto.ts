import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;

export class SearchInquiriesQuery {
  @ApiProperty({ example: 'KC-2026-000123', description: 'A reference, an e-mail address, a phone number, or words in the subject or text' })
  // A query string is not a body: the pipe's refusal of control characters is spelled out here.
  @IsString() @MinLength(2) @MaxLength(200) @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'q must not contain control characters' })
  q: string;

  @ApiPropertyOptional({ default: SEARCH_LIMIT_DEFAULT, maximum: SEARCH_LIMIT_MAX })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(SEARCH_LIMIT_MAX)
  limit?: number;
}
