import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min,
  registerDecorator, ValidateNested, ValidationArguments,
} from 'class-validator';

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * `closes` later than `opens` on the same day: a calendar without open time has no business
 * hours to count, so every SLA clock of an inquiry routed under it would fail.
 */
function ClosesAfterOpens(): PropertyDecorator {
  return (target, propertyName) => registerDecorator({
    name: 'closesAfterOpens',
    target: target.constructor,
    propertyName: propertyName as string,
    options: { message: 'closes must be later than opens' },
    validator: {
      validate(value: unknown, args: ValidationArguments) {
        const opens = (args.object as { opens?: unknown }).opens;
        // A malformed time is reported by its own rule.
        if (typeof value !== 'string' || typeof opens !== 'string' || !CLOCK.test(value) || !CLOCK.test(opens)) return true;
        return minutes(value) > minutes(opens);
      },
    },
  });
}

export class ClosedSpanDto {
  @ApiPropertyOptional({ example: '12:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) from: string;
  @ApiPropertyOptional({ example: '13:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) to: string;
}

export class BusinessHoursDto {
  @ApiPropertyOptional({ description: 'ISO weekdays, 1 = Monday … 7 = Sunday', example: [1, 2, 3, 4, 5] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  days: number[];

  @ApiPropertyOptional({ example: '08:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) opens: string;
  @ApiPropertyOptional({ example: '17:00' }) @Matches(CLOCK) @ClosesAfterOpens() closes: string;

  @ApiPropertyOptional({ type: [ClosedSpanDto], description: 'Closed spans inside the day: a lunch closure 12:00–13:00 makes 08–12 and 13–17' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ClosedSpanDto) breaks?: ClosedSpanDto[];
}

export class UpdateCalendarDto {
  @ApiPropertyOptional({ example: 'Europe/Stockholm' }) @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @ApiPropertyOptional({ type: BusinessHoursDto })
  @IsOptional() @IsObject({ message: 'businessHours must be an object { days, opens, closes }' }) @ValidateNested() @Type(() => BusinessHoursDto)
  businessHours?: BusinessHoursDto;
  @ApiPropertyOptional({ description: 'Country code of the public holiday calendar (e.g. SE); empty for none' })
  @IsOptional() @IsString() @Matches(/^([A-Z]{2})?$/) holidays?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.1) @Max(10000) defaultFirstResponseHours?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.1) @Max(10000) defaultResolutionHours?: number;
}
