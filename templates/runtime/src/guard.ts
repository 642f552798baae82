/**
 * The access rules (auth.ts) at the HTTP routes of a service (server.ts): who the caller is,
 * whether it may run a command or read a lookup, and what of a record it may see.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessError, problem, type AccessRules, type Authenticator, type Caller, type RouteAccess } from './auth.ts';
import { ident, type Db } from './db.ts';
import type { ServiceDefinition } from './definitions.ts';

export interface GuardOptions {
  readonly auth: Authenticator;
  readonly rules: AccessRules;
}

/** Sends a refusal as problem details; 401 answers say how to authenticate. */
export function sendProblem(reply: FastifyReply, status: number, detail: string): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type('application/problem+json').send(problem(status, detail));
}

export class Guard {
  private readonly auth: Authenticator;
  readonly rules: AccessRules;
  private readonly definition: ServiceDefinition;
  private readonly db: Db;

  constructor(options: GuardOptions, definition: ServiceDefinition, db: Db) {
    this.auth = options.auth;
    this.rules = options.rules;
    this.definition = definition;
    this.db = db;
  }

  caller(req: FastifyRequest): Promise<Caller> {
    return this.auth.caller(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined);
  }

  /** The admin routes: an operator only. */
  async admin(req: FastifyRequest): Promise<void> {
    this.rules.admin(await this.caller(req));
  }

  /**
   * A command's caller and input: the caller must hold the command's actor's role (or be a
   * service); a caller limited to its own records acts on its own (the owner field is its
   * `sub`), and an existing aggregate of another owner answers 404 (AccessError is not thrown:
   * `undefined` input).
   */
  async command(
    access: RouteAccess,
    command: string,
    req: FastifyRequest,
    input: Record<string, unknown>,
  ): Promise<{ caller: Caller; input: Record<string, unknown> | undefined }> {
    const caller = await this.caller(req);
    this.rules.command(access, caller);
    const owned = this.rules.ownInput(access, caller, input);
    if (access.owner === undefined || !this.rules.ownRecordsOnly(caller)) return { caller, input: owned };
    const def = this.definition.commands[command];
    const aggregate = this.definition.aggregates.find((a) => a.name === def?.aggregate);
    const key = def ? input[def.key] : undefined;
    if (!aggregate || key === undefined || key === null || key === '') return { caller, input: owned };
    const r = await this.db.query<{ state: Record<string, unknown> }>(
      `SELECT state FROM ${ident(this.definition.schema)}.${ident(aggregate.table)} WHERE id = $1`,
      [String(key)],
    );
    const state = r.rows[0]?.state;
    if (state && String(state[access.owner] ?? '') !== caller.sub) return { caller, input: undefined };
    return { caller, input: owned };
  }

  /** A lookup's caller: any declared role, or a service. */
  async lookup(req: FastifyRequest): Promise<Caller> {
    const caller = await this.caller(req);
    this.rules.lookup(caller);
    return caller;
  }
}

