/**
 * Names the deployed services and their deployment must agree on: environment variables the
 * Helm chart sets (its templates under templates/helm/ spell them out) and the service's
 * PostgreSQL schema.
 */

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

/**
 * The runtime's auth variables (templates/runtime/src/auth.ts) the Helm chart sets on every
 * service from global.auth. AUTH_DEV_SECRET is never among them: a deployed service verifies
 * against the identity provider's key set only.
 */
export const AUTH_ENV = {
  jwksUrl: 'AUTH_JWKS_URL',
  issuer: 'AUTH_ISSUER',
  audience: 'AUTH_AUDIENCE',
  rolesClaim: 'AUTH_ROLES_CLAIM',
  serviceJwksUrl: 'AUTH_SERVICE_JWKS_URL',
  serviceIssuer: 'AUTH_SERVICE_ISSUER',
  serviceAudience: 'AUTH_SERVICE_AUDIENCE',
  serviceTokenFile: 'AUTH_SERVICE_TOKEN_FILE',
} as const;

/**
 * The runtime's Kafka security variables (templates/runtime/src/kafka-bus.ts) the Helm chart sets
 * from global.kafka.auth: SCRAM as the service's KafkaUser, TLS trusting the cluster CA.
 */
export const KAFKA_AUTH_ENV = {
  mechanism: 'KAFKA_SASL_MECHANISM',
  username: 'KAFKA_SASL_USERNAME',
  password: 'KAFKA_SASL_PASSWORD',
  tls: 'KAFKA_TLS',
  tlsCaFile: 'KAFKA_TLS_CA_FILE',
} as const;

/** A context's PostgreSQL schema: its name with `-` as `_` (`car-registry` → `car_registry`). */
export function databaseSchema(context: { readonly name: string }): string {
  return context.name.replace(/-/g, '_');
}
