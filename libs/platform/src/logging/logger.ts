import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { loggableError } from './loggable-error';
import { maskPii } from './pii-mask';

/** Writes each serialized log line through maskPii; `sink` defaults to stdout. */
export function maskingDestination(sink: { write(line: string): unknown } = process.stdout): DestinationStream {
  return { write: (line: string) => sink.write(maskPii(line)) };
}

/** A sink tests can install to capture every log line of every service in the process. */
let globalSink: { write(line: string): unknown } | undefined;
export function setLogSink(sink: { write(line: string): unknown } | undefined): void {
  globalSink = sink;
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const sink = { write: (line: string) => (globalSink ?? process.stdout).write(line) };
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, maskingDestination(sink));
}

/**
 * Nest's own start-up narration (every module loaded, every route mapped: about fifty lines per
 * service) is for whoever debugs the framework; at info a person starting Lotsen would have to dig
 * for what matters. It is logged at debug.
 */
export const FRAMEWORK_CHATTER: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'NestMicroservice']);

/** Nest's logger interface on top of pino (structured JSON, one line per entry). */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context && FRAMEWORK_CHATTER.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    const err = message instanceof Error ? loggableError(message) : undefined;
    this.logger.error({ context, err, trace }, err ? err.message : String(message));
  }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
  fatal(message: unknown, context?: string) { this.logger.fatal({ context }, String(message)); }
}
