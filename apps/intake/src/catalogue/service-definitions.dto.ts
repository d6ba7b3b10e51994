import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetPublicDto {
  @ApiProperty({ description: "Show this service's requests in Open311's public list (never sensitive ones). Only for faults in public space." })
  @IsBoolean() public: boolean;
}
