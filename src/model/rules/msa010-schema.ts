import type { RuleInfo } from './rule.js';

/** Reported by the loader or the schema check, before the model is resolved. */
export const rule: RuleInfo = {
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
milliseconds, the largest integer a JSON reader keeps exactly.

Fails:

    contexts:
      - name: application
        comunication: async      # unknown key; did you mean "communication"?
        deploy: { replicas: 3000000000 }   # more than Kubernetes' 32-bit replica count

Passes:

    contexts:
      - name: application
        communication: async`,
};
