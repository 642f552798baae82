/**
 * Starts the payment service. With no environment it runs on its own: PGlite (embedded
 * PostgreSQL) in memory and the in-memory bus, on its port (service.defaultPort, or PORT).
 * DATABASE_URL switches to a PostgreSQL server, KAFKA_BROKERS to Kafka; see the platform's README
 * for every variable.
 * Yours: msa-gen wrote this file once and never overwrites it.
 */
import { startService } from '@dmv/runtime';
import { service } from './generated/service.ts';

const running = await startService(service, { env: process.env });

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  running.runtime.logger.info('stopping', { signal });
  await running.stop();
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
