import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString,
  Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CHANNELS, INQUIRY_TYPES } from '@lotsen/contracts';
import { IsPersonName } from './person-name.validator';

export class CitizenDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Letters of any script, spaces, hyphens, apostrophes; no digits, links or e-mail addresses' }) @IsOptional() @IsString() @MaxLength(100) @IsPersonName() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '+46701234567' }) @IsOptional() @IsString() @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ example: 'sv' }) @IsOptional() @Matches(/^[a-z]{2}$/, { message: 'preferredLanguage must be an ISO 639-1 code' }) preferredLanguage?: string;
  @ApiPropertyOptional({ description: 'Send receipts and status updates', default: true }) @IsOptional() @IsBoolean() notify?: boolean;
}

export class LocationDto {
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) lat?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) lon?: number;
}

export class AttachmentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(255) filename: string;
  @ApiProperty() @IsString() @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must be a MIME type' }) contentType: string;
  @ApiProperty() @IsInt() @Min(0) @Max(25 * 1024 * 1024) size: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) url?: string;
}

export class CreateInquiryDto {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) subject?: string;
  @ApiProperty({ maxLength: 20000 }) @IsString() @IsNotEmpty() @MaxLength(20000) body: string;
  @ApiPropertyOptional({ description: 'ISO 639-1; detected when missing' }) @IsOptional() @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code' }) language?: string;
  @ApiPropertyOptional({ description: 'A service code from the tenant catalogue' }) @IsOptional() @IsString() @Matches(/^[a-z0-9_]{1,64}$/, { message: 'category must be a service code' }) category?: string;
  @ApiPropertyOptional({ enum: INQUIRY_TYPES }) @IsOptional() @IsIn(INQUIRY_TYPES) type?: string;
  @ApiPropertyOptional({ type: CitizenDto }) @IsOptional() @ValidateNested() @Type(() => CitizenDto) citizen?: CitizenDto;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) externalId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) receivedAt?: string;
  @ApiPropertyOptional({ type: [AttachmentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => AttachmentDto) attachments?: AttachmentDto[];
  @ApiPropertyOptional({ description: 'Staff only: closed during the call or visit itself' }) @IsOptional() @IsBoolean() resolvedAtFirstContact?: boolean;
}

export class AddMessageDto {
  @ApiProperty({ maxLength: 20000 }) @IsString() @IsNotEmpty() @MaxLength(20000) body: string;
  @ApiPropertyOptional({ enum: ['public', 'internal'], description: 'internal = staff note, never shown to the citizen' })
  @IsOptional() @IsIn(['public', 'internal']) visibility?: string;
}

export class AcceptedInquiryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'KC-2026-000123' }) reference: string;
  @ApiProperty({ description: 'Secret for the citizen to follow the case' }) trackingToken: string;
  @ApiProperty({ example: 'received' }) status: string;
  @ApiPropertyOptional({ description: 'A fault report already known: the open report nearby it is linked to', example: { reference: 'KC-2026-000100' } })
  duplicateOf?: { reference: string };
}
