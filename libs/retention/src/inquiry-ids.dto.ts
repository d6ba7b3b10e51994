import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

/** The inquiries of one person, as intake found them: what each service exports for an access request. */
export class InquiryIdsDto {
  @ApiProperty({ description: "The person's inquiries, as intake found them", type: [String] })
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) inquiryIds: string[];
}
