import { camelCase } from '../case.js';
import { writtenFields } from '../fields.js';
import { joinPointer } from '../pointer.js';
import { defineRule } from './rule.js';

/** JavaScript reserved words, strict-mode and TypeScript reserved identifiers, and property traps. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  `arguments await break case catch class const constructor continue debugger default delete do
  else enum eval export extends false finally for function if implements import in instanceof
  interface let new null package private protected prototype public return static super switch
  this throw true try typeof var void while with yield __proto__`.split(/\s+/),
);

/** The reserved words no variable may take (constructor, prototype and __proto__ may: they are traps as properties only). */
const BINDING_RESERVED: ReadonlySet<string> = new Set(
  [...RESERVED_WORDS].filter((w) => w !== 'constructor' && w !== 'prototype' && w !== '__proto__'),
);

/**
 * Global names generated TypeScript relies on: ECMAScript built-ins, TypeScript's library
 * types, and the Node.js globals of the generated runtime (Buffer for Kafka records, URL,
 * TextEncoder/TextDecoder, AbortController for timeouts).
 *
 * Not here, on purpose: browser-only globals (Document, Notification, Location, Image…),
 * which generated code (it runs on Node) never uses; and Event, Request, Response and
 * Headers, which are common domain nouns (a citizen's Request, a complaint Event): generated
 * code reaches the fetch and DOM classes of those names through `globalThis`, never by the
 * bare name.
 */
export const RESERVED_GLOBALS: ReadonlySet<string> = new Set(
  `AbortController AbortSignal AggregateError Array ArrayBuffer ArrayLike AsyncGenerator
  AsyncIterable AsyncIterableIterator AsyncIterator Atomics Awaited BigInt BigInt64Array
  BigUint64Array Boolean Buffer Capitalize ConstructorParameters DataView Date Error EvalError
  Exclude Extract FinalizationRegistry Float32Array Float64Array Function Generator Infinity InstanceType Int16Array Int32Array Int8Array Intl Iterable IterableIterator Iterator
  JSON Lowercase Map Math NaN NodeJS NonNullable Number Object Omit Parameters Partial Pick Promise
  PromiseLike PropertyKey Proxy RangeError Readonly ReadonlyArray ReadonlyMap ReadonlySet Record
  ReferenceError Reflect RegExp Required ReturnType Set SharedArrayBuffer String
  Symbol SyntaxError TextDecoder TextEncoder ThisType TypeError URIError URL URLSearchParams
  Uint16Array Uint32Array Uint8Array Uint8ClampedArray Uncapitalize Uppercase WeakMap WeakRef
  WeakSet`.split(/\s+/),
);

export const rule = defineRule({
  code: 'MSA106',
  name: 'reserved-word',
  severity: 'error',
  summary:
    'No field is a JavaScript/TypeScript reserved word, no policy becomes one in camelCase, and no type name is a global the generated code relies on.',
  hint: 'Choose another name: it becomes an identifier in generated TypeScript.',
  docs: `Every name in the model becomes an identifier in the generated services. A field is a
property, but also a parameter, a destructured variable and a column: a field called
\`default\`, \`class\` or \`delete\` breaks the generated code, and \`constructor\`,
\`prototype\` or \`__proto__\` turn a plain payload object into a trap. Field names may not be
JavaScript reserved words, strict-mode reserved words (\`implements\`, \`interface\`, \`let\`,
\`package\`, \`private\`, \`protected\`, \`public\`, \`static\`, \`yield\`), \`await\`,
\`arguments\`, \`eval\`, \`constructor\`, \`prototype\` or \`__proto__\`.

Aggregates, events, commands, read models, policies, sagas and externals become types and
classes. Their names may not shadow a global the generated code relies on: the ECMAScript
built-ins (\`Object\`, \`Array\`, \`Promise\`, \`Error\`, \`Date\`, \`Map\`, \`Set\`, \`JSON\`…),
TypeScript's library types (\`Record\`, \`Partial\`, \`Readonly\`, \`Pick\`, \`Omit\`…) and the
Node.js globals of the generated runtime (\`Buffer\`, \`URL\`, \`URLSearchParams\`,
\`TextEncoder\`, \`TextDecoder\`, \`AbortController\`, \`AbortSignal\`).

A policy is also a variable: its implementation \`issuePermitWhenApplicationSubmitted\` is the
policy's name in camelCase, so a policy \`Delete\` or \`Return\` would be the variable
\`delete\` or \`return\`, which no declaration may take.

Browser globals are allowed, because generated code runs on Node and never uses them: the
Government24 model's \`Document\` and \`Notification\` aggregates are fine. So are \`Event\`,
\`Request\`, \`Response\` and \`Headers\`: they are everyday domain nouns (a citizen's
request, a complaint event), and generated code reaches the classes of those names through
\`globalThis\` rather than by the bare name.`,
  messages: {
    /** `owner`: the aggregate, command or event that declares the field. */
    reservedField: 'Field "{{name}}" of {{owner}} is a reserved word in JavaScript/TypeScript',
    reservedPolicyVariable: {
      text: 'Policy "{{name}}" becomes the variable "{{variable}}" of its implementation, a reserved word in JavaScript/TypeScript',
      hint: 'Name the policy for what it does, e.g. "{{example}}".',
    },
    /** `kind`: Aggregate, Command, Event, Policy, Read model, Saga, External. */
    reservedName: '{{kind}} "{{name}}" is a reserved word in JavaScript/TypeScript',
    globalName: '{{kind}} "{{name}}" is a global name the generated TypeScript relies on',
  },
  examples: {
    fails: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: Record               # shadows TypeScript's Record<K, V>
    fields:
      default: boolean         # a reserved word`,
      },
    ],
    passes: [
      {
        at: '/contexts/0',
        yaml: `aggregates:
  - name: CivilRecord
    fields:
      isDefault: boolean`,
      },
    ],
  },
  check(model, report) {
    for (const { field, owner } of writtenFields(model)) {
      if (!RESERVED_WORDS.has(field.name)) continue;
      report({ pointer: field.pointer, on: 'key', messageId: 'reservedField', data: { name: field.name, owner } });
    }
    const types: Array<{ kind: string; name: string; pointer: string }> = [];
    for (const c of model.contexts) {
      for (const a of c.aggregates) {
        types.push({ kind: 'Aggregate', name: a.name, pointer: a.pointer });
        for (const cmd of a.commands) types.push({ kind: 'Command', name: cmd.name, pointer: cmd.pointer });
        for (const e of a.events) types.push({ kind: 'Event', name: e.name, pointer: e.pointer });
      }
      for (const p of c.policies) types.push({ kind: 'Policy', name: p.name, pointer: p.pointer });
      for (const r of c.readModels) types.push({ kind: 'Read model', name: r.name, pointer: r.pointer });
    }
    for (const s of model.sagas) types.push({ kind: 'Saga', name: s.name, pointer: s.pointer });
    for (const x of model.externals) types.push({ kind: 'External', name: x.name, pointer: x.pointer });
    for (const p of model.policies) {
      const variable = camelCase(p.name);
      if (!BINDING_RESERVED.has(variable)) continue;
      report({
        pointer: joinPointer(p.pointer, 'name'),
        messageId: 'reservedPolicyVariable',
        data: { name: p.name, variable, example: `${p.name}${p.on.name.length <= 60 ? `When${p.on.name}` : 'OnEvent'}` },
      });
    }
    for (const t of types) {
      const messageId = RESERVED_GLOBALS.has(t.name) ? 'globalName' : RESERVED_WORDS.has(t.name) ? 'reservedName' : undefined;
      if (messageId !== undefined) report({ pointer: joinPointer(t.pointer, 'name'), messageId, data: { kind: t.kind, name: t.name } });
    }
  },
});
