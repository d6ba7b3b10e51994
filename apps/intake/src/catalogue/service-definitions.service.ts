import { Injectable, Logger } from '@nestjs/common';
import { Principal, ProblemException } from '@lotsen/platform';
import { ServiceDefinitionsRepository } from './service-definitions.repository';

/** What staff see and change of intake's service list: which services are public by nature. */
@Injectable()
export class ServiceDefinitionsService {
  private readonly logger = new Logger('ServiceDefinitions');

  constructor(private readonly services: ServiceDefinitionsRepository) {}

  async list(p: Principal) {
    return (await this.services.list(p.tenantId)).map((d) => ({ code: d.code, name: d.name, group: d.group, faultReport: d.faultReport, public: d.public }));
  }

  async setPublic(p: Principal, code: string, isPublic: boolean) {
    const by = p.subjectId ?? p.keyId;
    if (!(await this.services.setPublic(p.tenantId, code, isPublic, by))) {
      throw ProblemException.of(404, 'not-found', `No service '${code}' in this municipality's service list.`);
    }
    this.logger.log(`service ${code} of ${p.tenantId} made ${isPublic ? 'public' : 'not public'} by ${by}`);
    return { code, public: isPublic };
  }
}
