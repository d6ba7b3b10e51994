import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class DataSubjectDto {
  @ApiPropertyOptional({ enum: ['access', 'erasure'], description: 'Why the person is looked up (recorded)' })
  @IsIn(['access', 'erasure']) purpose: 'access' | 'erasure';

  @ApiPropertyOptional({ example: 'anna@example.se' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '070-123 45 67' }) @IsOptional() @IsString() @Matches(/^[+\d][\d\s()-]{6,24}$/) phone?: string;
  @ApiPropertyOptional({ example: '19121212-1212' }) @IsOptional() @IsString() @Matches(/^(\d{2})?\d{6}\s*[-–+.]?\s*\d{4}$/) personnummer?: string;
}

