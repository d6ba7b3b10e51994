import pino from 'pino';
import { PinoNestLogger } from './logger';

/** A Nest logger writing to an array, at the given level. */
function capture(level: string) {
  const lines: Array<{ level: number; context?: string; msg: string }> = [];
  const logger = new PinoNestLogger(pino({ level }, { write: (l: string) => lines.push(JSON.parse(l)) }));
  return { logger, lines };
}

describe('the Nest logger', () => {
  it('logs Nest\'s module loading and route mapping at debug, and the services\' own lines at info', () => {
    const { logger, lines } = capture('info');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('WorkController {/v1/work}:', 'RoutesResolver');
    logger.log('Mapped {/v1/work/next, POST} route', 'RouterExplorer');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log('listening on http://127.0.0.1:3002', 'Http');
    logger.warn('relay slow', 'OutboxRelay');
    expect(lines.map((l) => [l.level, l.context])).toEqual([[30, 'Http'], [40, 'OutboxRelay']]);
  });

  it('shows the framework\'s lines when the level is debug', () => {
    const { logger, lines } = capture('debug');
    logger.log('Mapped {/v1/work/next, POST} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(lines.map((l) => [l.level, l.context])).toEqual([[20, 'RouterExplorer'], [20, 'InstanceLoader']]);
  });
});
