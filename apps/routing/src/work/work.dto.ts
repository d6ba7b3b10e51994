import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_NUMBER_PATTERN } from '@lotsen/contracts';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AnswerDto {
  @ApiProperty({ description: 'The answer to the citizen' }) @IsString() @MinLength(1) @MaxLength(8000) text: string;
}

export class AskDto {
  @ApiProperty({ description: 'The question to the citizen (sent to them; the SLA clocks pause until they reply)' })
  @IsString() @MinLength(1) @MaxLength(5000) question: string;
}

export class CaseNumberDto {
  @ApiProperty({ description: "The case number the department's own case-management system gave it (diarienummer): 1 to 40 letters, digits, spaces and - / . : _", example: 'GP 2026/1234' })
  @IsString() @MinLength(1) @MaxLength(40) @Matches(CASE_NUMBER_PATTERN, { message: 'caseNumber is 1 to 40 letters, digits, spaces and - / . : _, beginning and ending with a letter or digit' })
  caseNumber: string;
}

export class ResolveDto {
  @ApiProperty({ example: 'answered' }) @Matches(/^[a-z0-9_]{1,64}$/) resolutionCode: string;
  @ApiPropertyOptional({ description: 'Resolved during the first contact' }) @IsOptional() @IsBoolean() resolvedAtFirstContact?: boolean;
  @ApiPropertyOptional({ description: 'The right category, if routing got it wrong (teaches the next model)' }) @IsOptional() @Matches(/^[a-z0-9_]{1,64}$/) category?: string;
}

export class TransferDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9_]{1,64}$/) toDepartment?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_.@-]{1,100}$/) toAgentId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason: string;
}

export class NoteDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) text: string;
}
