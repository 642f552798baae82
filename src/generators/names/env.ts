/**
 * Names the deployed services and their deployment must agree on: environment variables the
 * Helm chart sets (its templates under templates/helm/ spell them out) and the service's
 * PostgreSQL schema.
 */
import type { Context } from '../../model/valid.js';

/** Environment variables every service gets from its Helm release. */
export const SERVICE_ENV = {
  /** The context's name. */
  serviceName: 'SERVICE_NAME',
  /** HTTP port (the Service and container port). */
  port: 'PORT',
  /** Kafka bootstrap servers; unset = the in-memory bus. */
  kafkaBrokers: 'KAFKA_BROKERS',
  /** PostgreSQL URL, from a Secret; unset = the embedded database. */
  databaseUrl: 'DATABASE_URL',
  /** The PostgreSQL schema of the service (one schema per service in a shared database). */
  databaseSchema: 'DATABASE_SCHEMA',
} as const;

/** A context's PostgreSQL schema: its name with `-` as `_` (`car-registry` → `car_registry`). */
export function databaseSchema(context: Context): string {
  return context.name.replace(/-/g, '_');
}
