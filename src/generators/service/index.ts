/**
 * One service per bounded context: `services/<context>/`.
 *
 * Generated (rewritten on every run): package.json, tsconfig.json, Dockerfile and, under
 * src/generated/, only what differs per service — event and command types with the JSON schemas
 * of what it handles and emits, call targets and their typed clients, handler contracts with
 * working defaults, policies, saga mappers, and the ServiceModule the runtime starts. What is the
 * same in every service (field readers, handler types, the handler context, typed clients) lives
 * in the runtime package; the runtime calls the user-owned handlers and policies directly.
 * User-owned (written once, then only merged into): src/domain/<Aggregate>.ts (command
 * handlers), src/policies/<Policy>.ts, src/main.ts and test/<context>.test.ts. They point to the
 * generated contracts for the model's facts, which stay current.
 *
 * The plan of the service is worked out once (plan.ts); each module below writes one kind of file
 * from it.
 */
import type { Context } from '../../model/valid.js';
import { serviceDir } from '../names/symbols.js';
import { workspaceTsconfig } from '../names/workspace.js';
import { generatedFile, type GeneratedFile, type GenerateRequest } from '../types.js';
import { clientsModule } from './clients.js';
import { commandSchema, commandsModule, eventSchema, eventsModule, schemaText } from './events.js';
import { domainFile, handlersModule } from './handlers.js';
import { dockerfile, mainFile, packageJson } from './package.js';
import { planService } from './plan.js';
import { policiesModule, policyFile } from './policies.js';
import { sagaModule } from './saga.js';
import { serviceModule } from './service-module.js';

export { commandSchema, commandSchemaId, eventSchema, eventSchemaId } from './events.js';
export { SERVICE_TEMPLATES } from './package.js';

export function generateService(request: GenerateRequest, context: Context): GeneratedFile[] {
  const { model } = request;
  const s = planService(model, context);
  const dir = serviceDir(context);
  const gen = `${dir}/src/generated`;
  const files: GeneratedFile[] = [
    generatedFile(`${dir}/package.json`, packageJson(model, context)),
    generatedFile(`${dir}/tsconfig.json`, workspaceTsconfig(['src', 'test'])),
    generatedFile(`${dir}/Dockerfile`, dockerfile(request, context)),
    generatedFile(`${gen}/service.ts`, serviceModule(s)),
    mainFile(request, s),
  ];
  if (s.events.length > 0) files.push(generatedFile(`${gen}/events.ts`, eventsModule(s)));
  if (s.commands.length > 0) files.push(generatedFile(`${gen}/commands.ts`, commandsModule(s)));
  if (s.targets.length > 0) files.push(generatedFile(`${gen}/clients.ts`, clientsModule(s)));
  if (s.compensations.length > 0 || s.orchestrations.length > 0) files.push(generatedFile(`${gen}/saga.ts`, sagaModule(s)));
  if (s.commands.length > 0) files.push(generatedFile(`${gen}/handlers.ts`, handlersModule(s)));
  if (context.policies.length > 0) files.push(generatedFile(`${gen}/policies.ts`, policiesModule(s)));
  for (const e of s.ownEvents) files.push(generatedFile(`${gen}/schemas/${e.name}.schema.json`, schemaText(eventSchema(model, e))));
  for (const c of s.commands) files.push(generatedFile(`${gen}/schemas/${c.name}.schema.json`, schemaText(commandSchema(model, c))));
  for (const a of context.aggregates) if (a.commands.length > 0) files.push(domainFile(s, a));
  for (const p of context.policies) files.push(policyFile(s, p));
  return files;
}
