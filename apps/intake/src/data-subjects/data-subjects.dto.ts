import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const PHONE = /^[+\d][\d\s()-]{6,24}$/;

export class DataSubjectDto {
  @ApiPropertyOptional({ enum: ['access', 'erasure'], description: 'Why the person is looked up (recorded)' })
  @IsIn(['access', 'erasure']) purpose: 'access' | 'erasure';

  @ApiPropertyOptional({ example: 'anna@example.se' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '070-123 45 67' }) @IsOptional() @IsString() @Matches(PHONE) phone?: string;
  @ApiPropertyOptional({ example: '19121212-1212' }) @IsOptional() @IsString() @Matches(/^(\d{2})?\d{6}\s*[-–+.]?\s*\d{4}$/) personnummer?: string;
}


/** The corrected values; only those given change. */
export class ContactCorrectionDto {
  @ApiPropertyOptional({ example: 'Anna Andersson' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: 'anna.andersson@example.se' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '070-765 43 21' }) @IsOptional() @IsString() @Matches(PHONE) phone?: string;
}

/** Rectification (GDPR art. 16): the person, found by the contact data their inquiries carry, and the corrections. */
export class RectificationDto {
  @ApiPropertyOptional({ example: 'anna@example.se', description: 'The address the inquiries carry now' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '070-123 45 67', description: 'The number the inquiries carry now' }) @IsOptional() @IsString() @Matches(PHONE) phone?: string;

  @ApiProperty({ type: ContactCorrectionDto }) @IsObject() @ValidateNested() @Type(() => ContactCorrectionDto) correct: ContactCorrectionDto;

  @ApiProperty({ example: 'Begäran 2026/123: ny e-postadress' }) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}
