import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgedRowsHousekeeping } from '@lotsen/persistence';
import { IntakeConfig } from '../intake.config';

/**
 * Idempotency records (a sealed copy of the first answer) only serve a client's retry; after the
 * housekeeping window a repeated key registers a new inquiry.
 */
@Injectable()
export class IdempotencyHousekeeping extends AgedRowsHousekeeping {
  constructor(ds: DataSource, config: IntakeConfig) {
    super('IdempotencyHousekeeping', ds, 'intake.idempotency_keys', config.housekeeping);
  }
}
