import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { INQUIRY_TYPES } from '@lotsen/contracts';

export class ClassifyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) subject?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000) body: string;
  @ApiPropertyOptional({ description: 'sv, en, ar, fi (detected when missing)' }) @IsOptional() @IsString() @MaxLength(10) language?: string;
}

export class TrainingExampleDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) subject?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000) text: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10) language?: string;
  @ApiProperty() @IsString() @MaxLength(64) department: string;
  @ApiProperty({ enum: INQUIRY_TYPES }) @IsIn(INQUIRY_TYPES) type: string;
  @ApiProperty() @IsBoolean() firstContactResolvable: boolean;
  @ApiProperty() @IsBoolean() urgent: boolean;
}

export class TrainDto {
  @ApiPropertyOptional({ description: 'Start from the labelled training data (ROUTING_TRAINING_DATA: the dev data and the typical inquiries; default true)' }) @IsOptional() @IsBoolean() includeDevData?: boolean;
  @ApiPropertyOptional({ description: "Add the tenant's resolved inquiries (default true)" }) @IsOptional() @IsBoolean() includeResolved?: boolean;
  @ApiPropertyOptional({ type: [TrainingExampleDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => TrainingExampleDto) examples?: TrainingExampleDto[];
}
