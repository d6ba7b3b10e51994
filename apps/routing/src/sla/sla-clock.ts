import { Injectable } from '@nestjs/common';
import { RoutingConfig } from '../routing.config';
import { BusinessCalendar } from '@lotsen/business-calendar';

/**
 * The time source of SLA clocks. `speed` compresses business time (tests run an 8-hour SLA in
 * seconds); due times are real instants stored in the database, so restarts lose nothing.
 */
@Injectable()
export class SlaClock {
  readonly speed: number;

  constructor(config: RoutingConfig) {
    this.speed = config.slaClockSpeed;
  }

  now(): Date {
    return new Date();
  }

  /** `hours` business hours after `start`, on the calendar, at this clock's speed. */
  due(calendar: BusinessCalendar, start: Date, hours: number): Date {
    const span = calendar.addBusinessHours(start, hours).getTime() - start.getTime();
    return new Date(start.getTime() + Math.round(span / this.speed));
  }

  /** The business hours, at this clock's speed, that passed between `from` and `to` (a pause's length). */
  elapsed(calendar: BusinessCalendar, from: Date, to: Date): number {
    return (calendar.businessMs(from, to) * this.speed) / 3_600_000;
  }
}
