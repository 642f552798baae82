import { defineLoadRule } from './rule.js';

/** Reported by the schema check (schema.ts), before the model is resolved. */
export const rule = defineLoadRule({
  code: 'MSA010',
  name: 'schema',
  severity: 'error',
  summary: 'The model matches the msa-gen JSON Schema (schema/msa-gen.schema.json), sizes included.',
  hint: "Check the key's spelling and type against the schema; editors complete keys through the `# yaml-language-server: $schema=…` line.",
  docs: `The schema fixes which keys exist, what type each value has and which keys are required.
Unknown keys are errors (a misspelt key would otherwise be ignored silently), with a
suggestion when a known key is close.

The schema also bounds sizes, so that every value fits where the generated platform puts
it: names and references at most 200 characters, field names at most 100, titles, actors, enum values and read-model status values at most 200, descriptions
at most 10,000, routes at most 1,000, the image registry 255 and the tag 128 (the OCI limits).
Counts and durations are at most 2,147,483,647: Kubernetes replica counts, Kafka partition
counts and \`max.message.bytes\` are 32-bit integers, and Node.js timers (\`timeoutMs\`,
\`backoffMs\`, \`halfOpenAfterMs\`) fire at once beyond that. A topic's \`replicas\` (a Kafka
replication factor, 16 bits) is at most 32,767, and retention times at most 2^53 - 1
milliseconds, the largest integer a JSON reader keeps exactly.`,
  messages: {
    required: '{{subject}} is missing the required key "{{key}}"',
    /** `key` is quoted and escaped (a key may hold any character). */
    unknownKey: { text: 'Unknown key {{key}} in {{subject}}{{suggestion}}', hint: 'Allowed keys: {{allowed}}.' },
    keyTooLong: {
      text: 'Key {{key}} in {{subject}} is {{length}} characters long; at most {{limit}}',
      hint: 'Shorten the key to at most {{limit}} characters.',
    },
    /** `problem`: the schema validator's words. */
    keyInvalid: 'Key {{key}} in {{subject}} {{problem}}',
    wrongType: '{{subject}} must be {{expected}}, not {{actual}}',
    notInEnum: '{{subject}} must be one of {{allowed}}, not {{value}}{{suggestion}}',
    notConst: '{{subject}} must be {{expected}}, not {{value}}',
    noMatch: '{{subject}} must be {{expected}}, not {{value}}',
    /** A value that fits none of the shapes a key takes (a string or a map, say). */
    noShape: '{{subject}} must be {{expected}}; found {{actual}}',
    tooLong: { text: '{{subject}} is {{length}} characters long; at most {{limit}}', hint: 'Shorten it to at most {{limit}} characters.' },
    tooLarge: {
      text: '{{subject}} is {{value}}; at most {{limit}}',
      hint: 'Use at most {{limit}}: a larger number overflows where it ends up (a Kubernetes or Kafka setting, a Node.js timer).',
    },
    duplicateItem: '{{subject}} lists {{value}} twice (items {{first}} and {{second}})',
    /** `problem`: the schema validator's words, for a check the others do not cover. */
    invalid: '{{subject}} {{problem}}',
  },
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: application
    comunication: async      # unknown key; did you mean "communication"?
    deploy: { replicas: 3000000000 }   # more than Kubernetes' 32-bit replica count`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: application
    communication: async`,
      },
    ],
  },
});
