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
import { generatedFile, type GeneratedFile, type Templates } from '../types.js';
import { workspaceTsconfig } from '../names/workspace.js';
import { clientsModule } from './clients.js';
import { commandsModule, eventsModule, schemaText, serviceCommandSchema, serviceEventSchema } from './events.js';
import { domainFile, handlersModule } from './handlers.js';
import { dockerfile, mainFile, packageJson, SERVICE_TEMPLATES } from './package.js';
import { ownEvents, serviceCommands, type ServicePlan } from './plan.js';
import { policiesModule, policyFile } from './policies.js';
import { sagaModule } from './saga.js';
import { serviceModule } from './service-module.js';

export { commandSchema, commandSchemaId, eventSchema, eventSchemaId } from './events.js';
export { SERVICE_TEMPLATES } from './package.js';
export { planService, type ServicePlan } from './plan.js';

/** The templates a service's files are made from, and no other (what its cache key holds). */
export function serviceTemplates(templates: Templates): Templates {
  return new Map(Object.values(SERVICE_TEMPLATES).flatMap((path) => (templates.has(path) ? [[path, templates.get(path)!] as const] : [])));
}

/**
 * Every file of the service, from its plan (plain data: nothing of the model but what the plan
 * holds) and its templates (`serviceTemplates`).
 */
export function generateService(s: ServicePlan, templates: Templates): GeneratedFile[] {
  const gen = `${s.context.dir}/src/generated`;
  const files: GeneratedFile[] = [
    generatedFile(`${s.context.dir}/package.json`, packageJson(s)),
    generatedFile(`${s.context.dir}/tsconfig.json`, workspaceTsconfig(['src', 'test'])),
    generatedFile(`${s.context.dir}/Dockerfile`, dockerfile(templates, s)),
    generatedFile(`${gen}/service.ts`, serviceModule(s)),
  ];
  if (s.events.length > 0) files.push(generatedFile(`${gen}/events.ts`, eventsModule(s)));
  const commands = serviceCommands(s);
  if (commands.length > 0) files.push(generatedFile(`${gen}/commands.ts`, commandsModule(s)));
  if (s.targets.length > 0) files.push(generatedFile(`${gen}/clients.ts`, clientsModule(s)));
  if (s.compensations.length > 0 || s.orchestrations.length > 0) files.push(generatedFile(`${gen}/saga.ts`, sagaModule(s)));
  if (commands.length > 0) files.push(generatedFile(`${gen}/handlers.ts`, handlersModule(s)));
  if (s.context.policies.length > 0) files.push(generatedFile(`${gen}/policies.ts`, policiesModule(s)));
  for (const e of ownEvents(s)) files.push(generatedFile(`${gen}/schemas/${e.name}.schema.json`, schemaText(serviceEventSchema(s.platform.name, e))));
  for (const c of commands) files.push(generatedFile(`${gen}/schemas/${c.name}.schema.json`, schemaText(serviceCommandSchema(s.platform.name, c))));
  return [...files, ...serviceUserFiles(s, templates)];
}

/**
 * The service's user-owned files (written once, then merged into): src/main.ts, the handlers of
 * each aggregate with commands, each policy. A run that reuses the service's generated files
 * still makes these, so the merge sees what it sees in any run.
 */
export function serviceUserFiles(s: ServicePlan, templates: Templates): GeneratedFile[] {
  const files = [mainFile(templates, s)];
  for (const a of s.context.aggregates) if (a.commands.length > 0) files.push(domainFile(s, a));
  for (const p of s.context.policies) files.push(policyFile(s, p));
  return files;
}
