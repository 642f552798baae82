import type { RuleInfo } from './rule.js';

/** Reported by the loader or the schema check, before the model is resolved. */
export const rule: RuleInfo = {
  code: 'MSA010',
  name: 'schema',
  severity: 'error',
  summary: 'The model matches the msa-gen JSON Schema (schema/msa-gen.schema.json).',
  hint: "Check the key's spelling and type against the schema; editors complete keys through the `# yaml-language-server: $schema=…` line.",
  docs: `The schema fixes which keys exist, what type each value has and which keys are required.
Unknown keys are errors (a misspelt key would otherwise be ignored silently), with a
suggestion when a known key is close.

Fails:

    contexts:
      - name: application
        comunication: async      # unknown key; did you mean "communication"?

Passes:

    contexts:
      - name: application
        communication: async`,
};
