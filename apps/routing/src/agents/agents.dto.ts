import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { WORK_ROLES } from '@lotsen/contracts';

export const PRESENCES = ['available', 'away', 'offline'] as const;
const CODE = /^[a-z0-9_]{1,64}$/;

export class SkillDto {
  @ApiPropertyOptional({ description: 'A category code (or give department)' }) @IsOptional() @Matches(CODE) category?: string;
  @ApiPropertyOptional({ description: 'A department code: the skill covers its whole topic' }) @IsOptional() @Matches(CODE) department?: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) level: number;
}

export class AgentDto {
  @ApiProperty() @IsString() @MaxLength(200) name: string;
  @ApiProperty({ enum: WORK_ROLES }) @IsIn(WORK_ROLES) role: string;
  @ApiProperty({ description: 'Team: kontaktcenter or a department code' }) @Matches(CODE) department: string;
  @ApiProperty({ example: ['sv', 'en'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(/^[a-z]{2,3}$/, { each: true }) languages: string[];
  @ApiProperty({ description: 'Concurrent items' }) @IsInt() @Min(0) @Max(100) capacity: number;
  @ApiPropertyOptional({ enum: PRESENCES }) @IsOptional() @IsIn(PRESENCES) presence?: string;
  @ApiPropertyOptional({ type: [SkillDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => SkillDto) skills?: SkillDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class PresenceDto {
  @ApiProperty({ enum: PRESENCES }) @IsIn(PRESENCES) presence: string;
}
