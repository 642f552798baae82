/** The model as written, after the JSON Schema accepted it (see schema/msa-gen.schema.json). */

export type RawFieldType = string;

export interface RawFieldSpec {
  type: RawFieldType;
  key?: boolean;
  pii?: boolean;
  description?: string;
  values?: string[];
  list?: boolean;
  optional?: boolean;
}

export type RawField = RawFieldType | RawFieldSpec;
export type RawFieldMap = Record<string, RawField>;
export type RawFieldSelection = string[] | RawFieldMap;

export interface RawRetry {
  maxAttempts?: number;
  backoffMs?: number;
  multiplier?: number;
  maxBackoffMs?: number;
}

export interface RawTopicConfig {
  partitions?: number;
  replicas?: number;
  minInSyncReplicas?: number;
  retentionMs?: number;
  maxMessageBytes?: number;
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete';
}

export interface RawAutoscaling {
  min?: number;
  max?: number;
  cpuPercent?: number;
}

export interface RawDeploy {
  replicas?: number;
  cpu?: string;
  memory?: string;
  autoscaling?: RawAutoscaling | false;
  keda?: { lagThreshold?: number; min?: number; max?: number };
  podDisruptionBudget?: { minAvailable?: number };
}

export interface RawPlatform {
  name: string;
  title?: string;
  description?: string;
  namespace?: string;
  eventTypePrefix?: string;
  naming?: { eventQualifiers?: string[] };
  kafka?: {
    cluster?: string;
    defaults?: RawTopicConfig;
    retry?: RawRetry;
    dlq?: { suffix?: string; retentionMs?: number; partitions?: number };
  };
  deploy?: {
    defaults?: RawDeploy;
    image?: { registry?: string; tag?: string };
  };
}

export interface RawCommand {
  name: string;
  description?: string;
  actor?: string;
  http?: string;
  fields?: RawFieldSelection;
  emits?: string[];
}

export interface RawEvent {
  name: string;
  description?: string;
  fields?: RawFieldSelection;
  version?: number;
  terminal?: boolean;
  failure?: boolean;
  topic?: string;
  kafka?: RawTopicConfig;
}

export interface RawActor {
  name: string;
  description?: string;
  role: string;
  pii?: boolean;
  records?: 'own' | 'all';
  operator?: boolean;
}

export interface RawAggregate {
  name: string;
  description?: string;
  owner?: string;
  fields: RawFieldMap;
  commands?: RawCommand[];
  events?: RawEvent[];
}

export interface RawPolicy {
  name: string;
  description?: string;
  on: string;
  then: string;
  retry?: RawRetry;
  dlq?: boolean;
  idempotencyKey?: string;
}

export interface RawReadModel {
  name: string;
  description?: string;
  owner?: string;
  key: string;
  from: string[];
  store?: 'cache' | 'database';
  http?: string;
  status?: Record<string, string>;
}

export interface RawContext {
  name: string;
  title?: string;
  description?: string;
  communication?: 'sync' | 'async';
  namespace?: string;
  qualifier?: string;
  port?: number;
  deploy?: RawDeploy;
  aggregates?: RawAggregate[];
  policies?: RawPolicy[];
  readModels?: RawReadModel[];
}

export interface RawExternal {
  name: string;
  title?: string;
  description?: string;
  calledBy?: string[];
  commands?: string[];
  baseUrl?: string;
}

export interface RawCall {
  from: string;
  to: string;
  command: string;
  by?: string[];
  when?: 'before' | 'after';
  timeoutMs?: number;
  retry?: RawRetry;
  circuitBreaker?: { consecutiveFailures?: number; halfOpenAfterMs?: number };
}

export interface RawSaga {
  name: string;
  description?: string;
  coordination: 'choreography' | 'orchestration';
  orchestrator?: string;
  /** Milliseconds, or `500ms`, `30s`, `5m`, `2h`. */
  stepTimeout?: number | string;
  steps: Array<{ command: string; compensation?: string }>;
}

export interface RawModel {
  version: 1;
  platform: RawPlatform;
  actors?: RawActor[];
  contexts: RawContext[];
  externals?: RawExternal[];
  calls?: RawCall[];
  sagas?: RawSaga[];
}
