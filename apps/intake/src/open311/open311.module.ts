import { Module } from '@nestjs/common';

/** Open311 GeoReport v2 under /open311/v2 (filled in by open311.controller.ts). */
@Module({})
export class Open311Module {}
