import { checkInfrastructure } from './infrastructure-check';

export default async function globalSetup(): Promise<void> {
  const problems = await checkInfrastructure();
  if (problems.length) {
    throw new Error(`\n\nThe tests need the real PostgreSQL and RabbitMQ on 127.0.0.1:\n  - ${problems.join('\n  - ')}\n`);
  }
}
