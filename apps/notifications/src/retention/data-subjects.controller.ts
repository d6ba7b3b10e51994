import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { DataSubjectExport, InquiryIdsDto } from '@lotsen/retention';
import { NotificationsPersonalDataRepository } from './notifications-personal-data.repository';

@ApiTags('citizen rights')
@ApiSecurity('api-key')
@Controller('v1/data-subjects')
export class DataSubjectsController {
  constructor(private readonly exports: DataSubjectExport, private readonly personalData: NotificationsPersonalDataRepository) {}

  @Post('export') @HttpCode(200) @Roles('registrar', 'admin')
  @ApiOperation({ summary: "What notifications holds of a person's inquiries, for an access request (registerutdrag)" })
  export(@CurrentPrincipal() p: Principal, @Body() dto: InquiryIdsDto) {
    return this.exports.read(p, dto.inquiryIds, () => this.personalData.export(p.tenantId, dto.inquiryIds));
  }
}
