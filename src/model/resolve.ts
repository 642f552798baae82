/**
 * Raw model → IR: fills in defaults, turns names into object references and freezes the
 * result. It never fails: a name that does not resolve becomes a Ref without a target, for a
 * rule to report with its position.
 */
import { words } from './case.js';
import type {
  Actor,
  Aggregate,
  Call,
  Command,
  HttpRoute,
  Context,
  Event,
  External,
  ExternalOperation,
  Model,
  Platform,
  Policy,
  ReadModel,
  Saga,
  SagaStep,
  Topic,
} from './ir.js';
import { joinPointer } from './pointer.js';
import { DEFAULTS } from './defaults.js';
import { durationMs } from './duration.js';
import { ownFields, ref, selection, uniqueFields } from './resolve-fields.js';
import { conventionalHttpRoute, defaultLookupRoute, parseRoute, routeNeeds } from './routes.js';
import { mergeDeploy, mergeRetry, mergeTopic } from './settings.js';

import type {
  RawAggregate,
  RawContext,
  RawModel,
} from './raw.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The value a read model's status takes for an event: its final word (Submitted, Issued…). */
export function defaultStatus(eventName: string): string {
  const w = words(eventName);
  return w[w.length - 1] ?? eventName;
}

function firstBy<T extends { name: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) if (!map.has(item.name)) map.set(item.name, item);
  return map;
}

export interface ResolveOptions {
  /**
   * Freeze the IR (the default). False for a caller that only reads the IR and drops it, as
   * `msa-gen validate` does: freezing every object of a large model costs a few percent of it.
   */
  readonly freeze?: boolean;
}

export function resolveModel(raw: RawModel, file: string, options: ResolveOptions = {}): Model {
  const p = raw.platform;
  const kafka = p.kafka ?? {};
  const topicDefaults = mergeTopic(DEFAULTS.topic, kafka.defaults);
  const platformRetry = mergeRetry(DEFAULTS.retry, kafka.retry);
  const deployDefaults = mergeDeploy(undefined, p.deploy?.defaults, '/platform/deploy/defaults');
  const platform: Platform = {
    pointer: '/platform',
    name: p.name,
    title: p.title ?? p.name,
    description: p.description,
    namespace: p.namespace ?? p.name,
    eventTypePrefix: p.eventTypePrefix ?? p.name,
    eventQualifiers: (p.naming?.eventQualifiers ?? []).map((q, i) =>
      ref(q, joinPointer('/platform/naming/eventQualifiers', i), q),
    ),
    kafka: {
      cluster: kafka.cluster ?? `${p.name}-kafka`,
      defaults: topicDefaults,
      defaultsPointer: kafka.defaults ? '/platform/kafka/defaults' : '/platform',
      retry: platformRetry,
      dlq: {
        suffix: kafka.dlq?.suffix ?? DEFAULTS.dlq.suffix,
        retentionMs: kafka.dlq?.retentionMs ?? DEFAULTS.dlq.retentionMs,
        partitions: kafka.dlq?.partitions,
        pointer: kafka.dlq ? '/platform/kafka/dlq' : '/platform',
      },
    },
    deploy: {
      defaults: deployDefaults,
      scalingDefaults: { cpuPercent: DEFAULTS.deploy.cpuPercent, lagThreshold: DEFAULTS.deploy.lagThreshold },
      image: {
        registry: p.deploy?.image?.registry ?? `registry.local/${p.name}`,
        tag: p.deploy?.image?.tag ?? DEFAULTS.imageTag,
      },
    },
    callDefaults: {
      timeoutMs: DEFAULTS.call.timeoutMs,
      retry: { ...DEFAULTS.call.retry },
      circuitBreaker: { ...DEFAULTS.call.circuitBreaker },
    },
  };

  const contexts: Context[] = [];
  const aggregates: Aggregate[] = [];
  const commands: Command[] = [];
  const events: Event[] = [];
  const pending: Array<() => void> = [];

  raw.contexts.forEach((rc: RawContext, ci) => {
    const cp = joinPointer('/contexts', ci);
    const contextAggregates: Aggregate[] = [];
    const namespace = rc.namespace ?? platform.namespace;
    const context: Mutable<Context> = {
      pointer: cp,
      name: rc.name,
      title: rc.title ?? rc.name,
      description: rc.description,
      communication: rc.communication ?? 'async',
      namespace,
      isolated: namespace !== platform.namespace,
      qualifier:
        rc.qualifier === undefined
          ? undefined
          : ref(
              rc.qualifier,
              joinPointer(cp, 'qualifier'),
              (p.naming?.eventQualifiers ?? []).includes(rc.qualifier) ? rc.qualifier : undefined,
            ),
      port: rc.port ?? DEFAULTS.port,
      deploy: mergeDeploy(deployDefaults, rc.deploy, rc.deploy ? joinPointer(cp, 'deploy') : cp),
      aggregates: contextAggregates,
      policies: [],
      readModels: [],
    };
    contexts.push(context);

    (rc.aggregates ?? []).forEach((ra: RawAggregate, ai) => {
      const ap = joinPointer(cp, 'aggregates', ai);
      const fields = ownFields(ra.fields, joinPointer(ap, 'fields'));
      const aggregate: Mutable<Aggregate> = {
        pointer: ap,
        name: ra.name,
        description: ra.description,
        context,
        fields,
        key: fields.find((f) => f.key),
        owner: ra.owner === undefined ? undefined : ref(ra.owner, joinPointer(ap, 'owner'), fields.find((f) => f.name === ra.owner)),
        commands: [],
        events: [],
      };
      const keyOnly = () => (aggregate.key ? [aggregate.key] : []);
      const aggEvents = (ra.events ?? []).map((re, ei): Event => {
        const ep = joinPointer(ap, 'events', ei);
        const settings = mergeTopic(topicDefaults, re.kafka);
        const version = re.version ?? 1;
        // A new version of an event gets a topic of its own by default: old records stay readable on the old one.
        const topicName = re.topic ?? (version > 1 ? `${re.name}.v${version}` : re.name);
        const settingsPointer = re.kafka ? joinPointer(ep, 'kafka') : platform.kafka.defaultsPointer;
        // Written out member by member, in the order of TopicSettings then name, pointer and
        // settingsPointer (a spread of the settings followed by more members stored each of
        // those through V8's slow path: a tenth of resolving a large model).
        const topic: Topic = {
          partitions: settings.partitions,
          replicas: settings.replicas,
          minInSyncReplicas: settings.minInSyncReplicas,
          retentionMs: settings.retentionMs,
          maxMessageBytes: settings.maxMessageBytes,
          cleanupPolicy: settings.cleanupPolicy,
          name: topicName,
          pointer: re.topic !== undefined ? joinPointer(ep, 'topic') : joinPointer(ep, 'name'),
          settingsPointer,
        };
        const dlq: Topic = {
          partitions: platform.kafka.dlq.partitions ?? settings.partitions,
          replicas: settings.replicas,
          minInSyncReplicas: settings.minInSyncReplicas,
          retentionMs: platform.kafka.dlq.retentionMs,
          maxMessageBytes: settings.maxMessageBytes,
          cleanupPolicy: 'delete',
          name: topicName + platform.kafka.dlq.suffix,
          pointer: topic.pointer,
          settingsPointer: platform.kafka.dlq.partitions !== undefined ? platform.kafka.dlq.pointer : settingsPointer,
        };
        return {
          pointer: ep,
          name: re.name,
          description: re.description,
          aggregate,
          context,
          payload: selection(re.fields, joinPointer(ep, 'fields'), fields, keyOnly),
          version,
          terminal: re.terminal ?? false,
          failure: re.failure ?? false,
          type: `${platform.eventTypePrefix}.${re.name}.v${version}`,
          topic,
          dlq,
        };
      });
      aggregate.events = aggEvents;
      events.push(...aggEvents);

      aggregate.commands = (ra.commands ?? []).map((rcmd, mi): Command => {
        const mp = joinPointer(ap, 'commands', mi);
        const emits = (rcmd.emits ?? []).map((name, i) =>
          ref(
            name,
            joinPointer(mp, 'emits', i),
            aggEvents.find((e) => e.name === name),
          ),
        );
        const command: Command = {
          pointer: mp,
          name: rcmd.name,
          description: rcmd.description,
          aggregate,
          context,
          actor: rcmd.actor,
          http: parseRoute(rcmd.http, joinPointer(mp, 'http')),
          payload: selection(rcmd.fields, joinPointer(mp, 'fields'), fields, () => {
            const emitted = uniqueFields(emits.flatMap((e) => e.target?.payload.fields ?? []));
            return emitted.length > 0 ? emitted : keyOnly();
          }),
          emits,
        };
        return command;
      });
      commands.push(...aggregate.commands);
      aggregates.push(aggregate);
      contextAggregates.push(aggregate);
    });

    pending.push(() => {
      context.policies = (rc.policies ?? []).map((rp, pi): Policy => {
        const pp = joinPointer(cp, 'policies', pi);
        const on = eventsByName.get(rp.on);
        return {
          pointer: pp,
          name: rp.name,
          description: rp.description,
          context,
          on: ref(rp.on, joinPointer(pp, 'on'), on),
          then: ref(rp.then, joinPointer(pp, 'then'), commandIn(context, rp.then)),
          retry: mergeRetry(platformRetry, rp.retry),
          dlq: rp.dlq ?? true,
          idempotencyKey:
            rp.idempotencyKey === undefined
              ? undefined
              : ref(
                  rp.idempotencyKey,
                  joinPointer(pp, 'idempotencyKey'),
                  on?.payload.fields.find((f) => f.name === rp.idempotencyKey),
                ),
        };
      });
      context.readModels = (rc.readModels ?? []).map((rr, ri): ReadModel => {
        const rp = joinPointer(cp, 'readModels', ri);
        const from = rr.from.map((name, i) => ref(name, joinPointer(rp, 'from', i), eventsByName.get(name)));
        const all = uniqueFields(from.flatMap((f) => f.target?.payload.fields ?? []));
        const keyField = all.find((f) => f.name === rr.key);
        const status = new Map<string, string>();
        for (const f of from) {
          const written = rr.status !== undefined && Object.hasOwn(rr.status, f.name) ? rr.status[f.name] : undefined;
          status.set(f.name, written ?? defaultStatus(f.name));
        }
        const http = parseRoute(rr.http, joinPointer(rp, 'http')) ?? defaultLookupRoute(rr.name, rr.key, rp);
        return {
          pointer: rp,
          name: rr.name,
          description: rr.description,
          context,
          key: ref(rr.key, joinPointer(rp, 'key'), keyField),
          from,
          store: rr.store ?? 'database',
          http,
          status,
          fields: keyField ? [keyField, ...all.filter((f) => f !== keyField)] : all,
          owner: rr.owner === undefined ? undefined : ref(rr.owner, joinPointer(rp, 'owner'), all.find((f) => f.name === rr.owner)),
        };
      });
    });
  });

  const eventsByName = firstBy(events);
  const commandsByName = firstBy(commands);
  const contextsByName = firstBy(contexts);
  // The first command of a name in each context (duplicates are MSA201's finding).
  const commandsByContext = new Map<Context, Map<string, Command>>();
  for (const c of commands) {
    let byName = commandsByContext.get(c.context);
    if (!byName) commandsByContext.set(c.context, (byName = new Map()));
    if (!byName.has(c.name)) byName.set(c.name, c);
  }
  /** A command of `context` by name; without a context, the first of that name anywhere. */
  const commandIn = (context: Context | undefined, name: string): Command | undefined =>
    context === undefined ? commandsByName.get(name) : commandsByContext.get(context)?.get(name);
  for (const run of pending) run();

  const externals: External[] = (raw.externals ?? []).map((rx, xi) => {
    const xp = joinPointer('/externals', xi);
    const external: Mutable<External> = {
      pointer: xp,
      name: rx.name,
      title: rx.title ?? rx.name,
      description: rx.description,
      calledBy: (rx.calledBy ?? []).map((name, i) =>
        ref(name, joinPointer(xp, 'calledBy', i), contextsByName.get(name)),
      ),
      operations: [],
      baseUrl: rx.baseUrl,
    };
    external.operations = (rx.commands ?? []).map(
      (name, i): ExternalOperation => ({ pointer: joinPointer(xp, 'commands', i), name, external }),
    );
    return external;
  });
  const operationsByName = firstBy(externals.flatMap((x) => x.operations));

  const calls: Call[] = (raw.calls ?? []).map((rcall, i) => {
    const lp = joinPointer('/calls', i);
    const to = contextsByName.get(rcall.to);
    const from = contextsByName.get(rcall.from);
    return {
      pointer: lp,
      from: ref(rcall.from, joinPointer(lp, 'from'), from),
      to: ref(rcall.to, joinPointer(lp, 'to'), to),
      command: ref(rcall.command, joinPointer(lp, 'command'), commandIn(to, rcall.command)),
      by: (rcall.by ?? []).map((name, j) => ref(name, joinPointer(lp, 'by', j), commandIn(from, name))),
      when: rcall.when ?? 'before',
      timeoutMs: rcall.timeoutMs ?? platform.callDefaults.timeoutMs,
      retry: mergeRetry(platform.callDefaults.retry, rcall.retry),
      circuitBreaker: {
        consecutiveFailures:
          rcall.circuitBreaker?.consecutiveFailures ?? platform.callDefaults.circuitBreaker.consecutiveFailures,
        halfOpenAfterMs: rcall.circuitBreaker?.halfOpenAfterMs ?? platform.callDefaults.circuitBreaker.halfOpenAfterMs,
      },
    };
  });

  const sagas: Saga[] = (raw.sagas ?? []).map((rs, si) => {
    const sp = joinPointer('/sagas', si);
    return {
      pointer: sp,
      name: rs.name,
      description: rs.description,
      coordination: rs.coordination,
      orchestrator:
        rs.orchestrator === undefined
          ? undefined
          : ref(rs.orchestrator, joinPointer(sp, 'orchestrator'), contextsByName.get(rs.orchestrator)),
      stepTimeoutMs: (rs.stepTimeout === undefined ? undefined : durationMs(rs.stepTimeout)) ?? DEFAULTS.sagaStepTimeoutMs,
      stepTimeoutExplicit: rs.stepTimeout !== undefined,
      steps: rs.steps.map((step, i): SagaStep => {
        const stp = joinPointer(sp, 'steps', i);
        return {
          pointer: stp,
          index: i,
          command: ref(step.command, joinPointer(stp, 'command'), commandsByName.get(step.command)),
          external: operationsByName.get(step.command),
          compensation:
            step.compensation === undefined
              ? undefined
              : ref(step.compensation, joinPointer(stp, 'compensation'), commandsByName.get(step.compensation)),
        };
      }),
    };
  });

  // `http:` is an override: a command that needs a route and writes none gets the conventional one.
  for (const command of routeNeeds({ calls, sagas, commands }).keys()) {
    if (!command.http) (command as { http: HttpRoute | undefined }).http = conventionalHttpRoute(command);
  }

  const model: Model = {
    file,
    platform,
    actors: resolveActors(raw, commands),
    actorsDeclared: raw.actors !== undefined,
    contexts,
    externals,
    calls,
    sagas,
    aggregates,
    commands,
    events,
    policies: contexts.flatMap((c) => c.policies),
    readModels: contexts.flatMap((c) => c.readModels),
  };
  return options.freeze === false ? model : deepFreeze(model);
}

/**
 * The declared actors, or for a model without `actors:` one per name its commands use (role: the
 * name; every record, personal data) and `operator` (the admin routes): the access checks of a
 * model written before actors existed stay what `actor:` said.
 */
function resolveActors(raw: RawModel, commands: readonly Command[]): Actor[] {
  if (raw.actors !== undefined) {
    return raw.actors.map((ra, i) => ({
      pointer: joinPointer('', 'actors', i),
      name: ra.name,
      description: ra.description,
      role: ra.role,
      pii: ra.pii ?? false,
      records: ra.records ?? 'own',
      operator: ra.operator ?? false,
    }));
  }
  const names = [...new Set(commands.flatMap((c) => (c.actor === undefined ? [] : [c.actor])))];
  const implicit = (name: string, operator: boolean): Actor => ({
    pointer: '',
    name,
    description: undefined,
    role: name,
    pii: true,
    records: 'all',
    operator,
  });
  return [...names.filter((n) => n !== 'operator').map((n) => implicit(n, false)), implicit('operator', true)];
}

/**
 * Freezes every object of the model. Nothing in it is frozen before, so a frozen object is one
 * already visited (objects are shared: an event is in its aggregate and in `events`): frozen
 * first, then its members, with no set of the visited ones. Plain loops, and only objects
 * visited: a large model has hundreds of thousands of members.
 */
function deepFreeze<T>(root: T): T {
  const visit = (value: object): void => {
    if (Object.isFrozen(value)) return;
    Object.freeze(value);
    if (value instanceof Map) {
      for (const v of value.values()) if (v !== null && typeof v === 'object') visit(v);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === 'object') visit(v);
      }
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const v = record[key];
        if (v !== null && typeof v === 'object') visit(v);
      }
    }
  };
  if (root !== null && typeof root === 'object') visit(root);
  return root;
}
