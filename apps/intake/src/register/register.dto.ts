import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const DOCUMENT_KINDS = ['email', 'letter'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** What of a document can be secret: who sent it, what it is about, what it says (text and attachments). */
export const SECRET_PARTS = ['sender', 'subject', 'content'] as const;
export type SecretPart = (typeof SECRET_PARTS)[number];
export const AT_GALLRING = ['keep-entry', 'remove-entry'] as const;
export type AtGallring = (typeof AT_GALLRING)[number];

/** A chapter and section of the Public Access to Information and Secrecy Act, e.g. "OSL 26 kap. 1 §". */
export const LEGAL_GROUND = /^(OSL|Offentlighets- och sekretesslagen( \(2009:400\))?) \d{1,2} kap\. \d{1,2} [a-z]? ?§/;

export class RegisterQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Registered on or after (date or ISO time)' })
  @IsOptional() @IsISO8601({ strict: true }) from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Registered on or before (a date includes that whole day)' })
  @IsOptional() @IsISO8601({ strict: true }) to?: string;

  @ApiPropertyOptional({ example: 'anna@example.se', description: 'Part of the sender (name or address)' })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) sender?: string;

  @ApiPropertyOptional({ example: 'bygglov', description: 'Part of the subject' })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) subject?: string;

  @ApiPropertyOptional({ example: 'KC-2026-000123', description: 'The case reference, exactly' })
  @IsOptional() @IsString() @MaxLength(40) reference?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class SecrecyDto {
  @ApiProperty({ enum: SECRET_PARTS, isArray: true, example: ['sender', 'content'], description: 'The parts that are secret; all three for the whole document' })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(3) @ArrayUnique() @IsIn(SECRET_PARTS, { each: true }) parts: SecretPart[];

  @ApiProperty({ example: 'OSL 26 kap. 1 §', description: 'The legal ground, shown in place of what it covers' })
  @IsString() @MaxLength(200) @Matches(LEGAL_GROUND, { message: 'legalGround must cite a chapter and section of OSL, e.g. "OSL 26 kap. 1 §"' }) legalGround: string;
}

export class RegisterPolicyDto {
  @ApiProperty({ enum: AT_GALLRING, description: 'keep-entry: date, reference, masked sender and subject stay when the case is gallrad; remove-entry: the entry goes with it' })
  @IsIn(AT_GALLRING) atGallring: AtGallring;

  @ApiPropertyOptional({ example: 'DHP 1.2: diariet bevaras' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}
