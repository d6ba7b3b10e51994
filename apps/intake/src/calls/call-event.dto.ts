import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const CALL_EVENTS = ['offered', 'answered', 'abandoned'] as const;

/** One event from the telephony platform (ACD) about a call in a queue. */
export class CallEventDto {
  @ApiProperty({ enum: CALL_EVENTS }) @IsIn(CALL_EVENTS) event: (typeof CALL_EVENTS)[number];
  @ApiProperty({ example: 'c-20260301-0001', description: "The platform's id of the call" })
  @IsString() @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'callId must be 1–200 visible ASCII characters' }) callId: string;
  @ApiProperty({ example: 'kontaktcenter' }) @IsString() @Matches(/^[\w.:-]{1,100}$/, { message: 'queue must be 1–100 letters, digits, _ . : -' }) queue: string;
  @ApiPropertyOptional({ description: 'Seconds the caller waited (answered/abandoned)' }) @IsOptional() @IsInt() @Min(0) @Max(86400) waitSeconds?: number;
  @ApiPropertyOptional({ description: 'Who answered' }) @IsOptional() @IsString() @MaxLength(200) agentId?: string;
  @ApiPropertyOptional({ description: 'When it happened (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;
}
