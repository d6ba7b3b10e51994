import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { SetPublicDto } from './service-definitions.dto';
import { ServiceDefinitionsService } from './service-definitions.service';

const CODE = /^[a-z0-9_]{1,64}$/;

@ApiTags('service definitions')
@ApiSecurity('api-key')
@Controller('v1/service-definitions')
export class ServiceDefinitionsController {
  constructor(private readonly services: ServiceDefinitionsService) {}

  @Get() @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The service list with each service\'s public flag' })
  list(@CurrentPrincipal() p: Principal) {
    return this.services.list(p);
  }

  @Put(':code/public') @Roles('admin')
  @ApiOperation({ summary: 'Marks a service public (its requests appear in Open311\'s public list) or not; recorded with who did it' })
  setPublic(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Body() dto: SetPublicDto) {
    if (!CODE.test(code)) throw ProblemException.of(404, 'not-found', `No service '${code}' in this municipality's service list.`);
    return this.services.setPublic(p, code, dto.public);
  }
}
