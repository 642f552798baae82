import type { DeploySettings, Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { DEFAULTS } from '../defaults.js';

const REPLICAS_HINT = 'Set replicas between {{min}} and {{max}}, or change the autoscaling range to include {{replicas}}.';
const KEDA_HINT = 'Set keda.min to at most keda.max.';
import { defineRule, type FindingOf, type Messages } from './rule.js';

/** `block`: the platform deploy defaults, or a context (`context "issuance"`). */
const messages = {
  autoscalingMinAboveMax: {
    text: 'autoscaling.min ({{min}}) is greater than autoscaling.max ({{max}}) in {{block}}; the HorizontalPodAutoscaler would be rejected',
    hint: 'Set autoscaling.min to at most autoscaling.max.',
  },
  replicasBelowAutoscaling: {
    text: 'replicas ({{replicas}}) is below autoscaling.min ({{min}}) in {{block}}; with autoscaling on, the deployment runs between {{min}} and {{max}} replicas',
    hint: REPLICAS_HINT,
  },
  replicasAboveAutoscaling: {
    text: 'replicas ({{replicas}}) is above autoscaling.max ({{max}}) in {{block}}; with autoscaling on, the deployment runs between {{min}} and {{max}} replicas',
    hint: REPLICAS_HINT,
  },
  kedaMinAboveMax: {
    text: 'keda.min ({{min}}) is greater than keda.max ({{max}}) in {{block}}; the ScaledObject would be rejected',
    hint: KEDA_HINT,
  },
  /** keda.min is not written: it is the replica count. */
  kedaReplicasAboveMax: {
    text: 'keda.min ({{min}}) is greater than keda.max ({{max}}) in {{block}} (keda.min defaults to replicas); the ScaledObject would be rejected',
    hint: KEDA_HINT,
  },
  /** `block` capitalised. */
  autoscalingAndKeda: {
    text: '{{block}} sets both autoscaling and keda; they are mutually exclusive: KEDA drives its own HorizontalPodAutoscaler, and two autoscalers on one deployment fight over its replica count',
    hint: 'Remove one of them. With keda alone, the CPU autoscaling of the defaults is switched off.',
  },
  /** `setting`: what decides the fewest replicas (replicas, autoscaling.min, keda.min), `floor` its value; `when`: when the deployment runs that few. */
  budgetNotBelowReplicas: {
    text: 'podDisruptionBudget.minAvailable ({{minAvailable}}) is not below {{setting}} ({{floor}}) in {{block}}: {{when}}no pod can be evicted, so node drains and cluster upgrades would hang',
    hint: 'Set podDisruptionBudget.minAvailable to at most {{most}}, or raise {{setting}} above {{minAvailable}}.',
  },
  /** As budgetNotBelowReplicas, when the deployment may run a single replica. */
  budgetSingleReplica: {
    text: 'podDisruptionBudget.minAvailable ({{minAvailable}}) is not below {{setting}} ({{floor}}) in {{block}}: {{when}}no pod can be evicted, so node drains and cluster upgrades would hang',
    hint: 'Raise {{setting}} to at least {{least}}, or remove the podDisruptionBudget.',
  },
} as const satisfies Messages;

/** A written deploy block and what it was merged onto (undefined for the platform defaults). */
interface DeployBlock {
  readonly deploy: DeploySettings;
  readonly base: DeploySettings | undefined;
  readonly label: string;
}

function blocks(model: Model): DeployBlock[] {
  const defaults = model.platform.deploy.defaults;
  const list: DeployBlock[] = [{ deploy: defaults, base: undefined, label: 'the platform deploy defaults' }];
  for (const context of model.contexts) {
    // A context without a `deploy` block uses the defaults as they are: reported there.
    if (context.deploy.pointer === context.pointer) continue;
    list.push({ deploy: context.deploy, base: defaults, label: `context "${context.name}"` });
  }
  return list;
}

/** The fewest replicas a deployment runs with, and the setting that decides it. */
function floor(d: DeploySettings): { value: number; key: readonly string[]; what: string; when: string } {
  if (d.autoscaling) {
    return { value: d.autoscaling.min, key: ['autoscaling', 'min'], what: 'autoscaling.min', when: 'whenever the autoscaler is at its minimum, ' };
  }
  if (d.keda) return { value: d.keda.min, key: ['keda', 'min'], what: 'keda.min', when: 'whenever KEDA is at its minimum, ' };
  return { value: d.replicas, key: ['replicas'], what: 'replicas', when: '' };
}

function checkBlock({ deploy: d, base: b, label }: DeployBlock, report: (finding: FindingOf<typeof messages>) => void): void {
  const at = (...keys: string[]) => joinPointer(d.pointer, ...keys);
  const a = d.autoscaling;
  const ba = b?.autoscaling;
  // When the block repeats its base (inherits it, or writes the same values), the base's
  // finding covers it. The IR keeps merged values only: equal to the base = not written here.
  const sameAutoscaling = a !== undefined && ba !== undefined && a.min === ba.min && a.max === ba.max;

  if (a && a.min > a.max) {
    if (!sameAutoscaling) {
      const minHere = a.min !== (ba?.min ?? d.replicas);
      report({ pointer: at('autoscaling', minHere ? 'min' : 'max'), messageId: 'autoscalingMinAboveMax', data: { min: a.min, max: a.max, block: label } });
    }
  } else if (a && (d.replicas < a.min || d.replicas > a.max)) {
    const replicasHere = d.replicas !== (b?.replicas ?? DEFAULTS.deploy.replicas);
    if (!(sameAutoscaling && d.replicas === b?.replicas)) {
      const low = d.replicas < a.min;
      report({
        pointer: at(...(replicasHere ? ['replicas'] : ['autoscaling', low ? 'min' : 'max'])),
        messageId: low ? 'replicasBelowAutoscaling' : 'replicasAboveAutoscaling',
        data: { replicas: d.replicas, min: a.min, max: a.max, block: label },
      });
    }
  }

  const k = d.keda;
  if (k && k.min > k.max) {
    const minHere = k.min !== d.replicas;
    report({
      pointer: at('keda', minHere ? 'min' : 'max'),
      messageId: minHere ? 'kedaMinAboveMax' : 'kedaReplicasAboveMax',
      data: { min: k.min, max: k.max, block: label },
    });
  }

  if (a && k) {
    report({ pointer: at('keda'), on: 'key', messageId: 'autoscalingAndKeda', data: { block: label.charAt(0).toUpperCase() + label.slice(1) } });
  }

  const pdb = d.podDisruptionBudget;
  if (pdb) {
    const f = floor(d);
    const repeatsBase =
      b !== undefined && b.podDisruptionBudget?.minAvailable === pdb.minAvailable && floor(b).value === f.value;
    if (pdb.minAvailable >= f.value && !repeatsBase) {
      const pdbHere = b === undefined || b.podDisruptionBudget?.minAvailable !== pdb.minAvailable;
      const pointer = at(...(pdbHere ? ['podDisruptionBudget', 'minAvailable'] : f.key));
      const data = { minAvailable: pdb.minAvailable, setting: f.what, floor: f.value, block: label, when: f.when };
      if (f.value > 1) report({ pointer, messageId: 'budgetNotBelowReplicas', data: { ...data, most: f.value - 1 } });
      else report({ pointer, messageId: 'budgetSingleReplica', data: { ...data, least: pdb.minAvailable + 1 } });
    }
  }
}

export const rule = defineRule({
  code: 'MSA601',
  name: 'deploy-scaling',
  severity: 'error',
  summary: 'Deploy settings are consistent: autoscaling min ≤ max, replicas within them, KEDA min ≤ max, not both autoscaling and KEDA, a PodDisruptionBudget below the replica count.',
  hint: 'Fix the numbers shown, or remove one of autoscaling and keda.',
  docs: `\`deploy\` (the platform's \`deploy.defaults\`, merged with each context's \`deploy\`) becomes
the Helm values of each service: \`replicaCount\`, \`autoscaling\` (a HorizontalPodAutoscaler
on CPU, as the Government24 transition uses to scale capacity automatically), \`keda\` (a
KEDA ScaledObject on Kafka consumer lag) and \`podDisruptionBudget\`. Kubernetes and Helm
accept some inconsistent combinations and fail only later, in production:

- \`autoscaling.min\` above \`autoscaling.max\`, or \`keda.min\` above \`keda.max\`: the
  HorizontalPodAutoscaler or ScaledObject is rejected and the service does not scale.
- \`replicas\` outside the autoscaling range: while autoscaling is on, the chart leaves the
  replica count to the autoscaler, so \`replicas\` outside \`min..max\` is a setting that
  silently never applies.
- \`autoscaling\` and \`keda\` both written in one deploy block: KEDA creates and drives its
  own HorizontalPodAutoscaler, and two autoscalers on one deployment fight over its replica
  count (KEDA refuses a workload another HPA already scales). The generated values schema makes
  the two mutually exclusive. A context that writes only \`keda\` switches off the CPU
  autoscaling it would inherit from the defaults; that is fine.
- \`podDisruptionBudget.minAvailable\` not below the fewest replicas the deployment runs with
  (\`replicas\`, or \`autoscaling.min\` / \`keda.min\` when an autoscaler decides): no pod may
  ever be evicted, so \`kubectl drain\` and node upgrades wait forever.

Each problem is reported once, at the key that set it in the deploy block of the platform
defaults or of a context; a context that only inherits a broken default is not reported again.`,
  messages,
  examples: {
    fails: [
      {
        yaml: `contexts:
  - name: issuance
    deploy:
      replicas: 2
      autoscaling: { min: 5, max: 3 }        # min above max
      podDisruptionBudget: { minAvailable: 2 }`,
      },
    ],
    passes: [
      {
        yaml: `contexts:
  - name: issuance
    deploy:
      replicas: 3
      autoscaling: { min: 3, max: 10 }
      podDisruptionBudget: { minAvailable: 2 }`,
      },
    ],
  },
  check(model, report) {
    for (const block of blocks(model)) checkBlock(block, report);
  },
});
