import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BusinessHoursDto } from '../sla/calendar.dto';

export const CODE = /^[a-z0-9_]{1,64}$/;

export class AgreementChangeDto {
  @ApiPropertyOptional({ description: 'The contact center answers it itself' }) @IsOptional() @IsBoolean() firstLine?: boolean;
  @ApiPropertyOptional({ description: 'Department that acts otherwise' }) @IsOptional() @Matches(CODE) department?: string;
  @ApiPropertyOptional({ description: 'Business hours' }) @IsOptional() @IsNumber() @Min(0.1) @Max(10000) slaFirstResponseHours?: number;
  @ApiPropertyOptional({ description: 'Business hours' }) @IsOptional() @IsNumber() @Min(0.1) @Max(10000) slaResolutionHours?: number;
  @ApiPropertyOptional({ description: '1 highest … 5' }) @IsOptional() @IsInt() @Min(1) @Max(5) priority?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CategoryDto {
  @ApiProperty({ example: 'street_lighting' }) @Matches(CODE, { message: 'code must be lower_snake (a-z, 0-9, _)' }) code: string;
  @ApiProperty() @Matches(CODE) department: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) group?: string;
  @ApiProperty({ description: 'Names per language (sv, en, ar, fi)' }) @IsObject() name: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsObject() description?: Record<string, string>;
  @ApiPropertyOptional({ description: 'Keywords per language' }) @IsOptional() @IsObject() keywords?: Record<string, string[]>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() faultReport?: boolean;
  @ApiPropertyOptional({ type: AgreementChangeDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => AgreementChangeDto) agreement?: AgreementChangeDto;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(CODE) department?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) group?: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() name?: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsObject() description?: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsObject() keywords?: Record<string, string[]>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() faultReport?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class DepartmentDto {
  @ApiProperty({ description: 'Names per language' }) @IsObject() name: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ type: BusinessHoursDto, description: 'Own opening hours (else the tenant calendar)' })
  @IsOptional() @IsObject({ message: 'businessHours must be an object { days, opens, closes }' }) @ValidateNested() @Type(() => BusinessHoursDto)
  businessHours?: BusinessHoursDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
