import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgedRowsHousekeeping } from '@lotsen/persistence';
import { RoutingConfig } from '../routing.config';

/** An answer's key only serves a retry: removed after the housekeeping window. */
@Injectable()
export class AnswerRequestsHousekeeping extends AgedRowsHousekeeping {
  constructor(ds: DataSource, config: RoutingConfig) {
    super('AnswerRequestsHousekeeping', ds, 'routing.answer_requests', config.housekeeping);
  }
}
