import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ClosedSpanDto {
  @ApiPropertyOptional({ example: '12:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) from: string;
  @ApiPropertyOptional({ example: '13:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) to: string;
}

export class BusinessHoursDto {
  @ApiPropertyOptional({ description: 'ISO weekdays, 1 = Monday … 7 = Sunday', example: [1, 2, 3, 4, 5] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  days: number[];

  @ApiPropertyOptional({ example: '08:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) opens: string;
  @ApiPropertyOptional({ example: '17:00' }) @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/) closes: string;

  @ApiPropertyOptional({ type: [ClosedSpanDto], description: 'Closed spans inside the day: a lunch closure 12:00–13:00 makes 08–12 and 13–17' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ClosedSpanDto) breaks?: ClosedSpanDto[];
}

export class UpdateCalendarDto {
  @ApiPropertyOptional({ example: 'Europe/Stockholm' }) @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @ApiPropertyOptional({ type: BusinessHoursDto }) @IsOptional() @ValidateNested() @Type(() => BusinessHoursDto) businessHours?: BusinessHoursDto;
  @ApiPropertyOptional({ description: 'Country code of the public holiday calendar (e.g. SE); empty for none' })
  @IsOptional() @IsString() @Matches(/^([A-Z]{2})?$/) holidays?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.1) @Max(10000) defaultFirstResponseHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.1) @Max(10000) defaultResolutionHours?: number;
}
