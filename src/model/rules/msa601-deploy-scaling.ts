import type { Finding } from '../finding.js';
import type { DeploySettings, Model } from '../ir.js';
import { joinPointer } from '../pointer.js';
import { DEFAULTS } from '../resolve.js';
import type { Rule } from './rule.js';

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

function checkBlock({ deploy: d, base: b, label }: DeployBlock): Finding[] {
  const findings: Finding[] = [];
  const at = (...keys: string[]) => joinPointer(d.pointer, ...keys);
  const a = d.autoscaling;
  const ba = b?.autoscaling;
  // When the block repeats its base (inherits it, or writes the same values), the base's
  // finding covers it. The IR keeps merged values only: equal to the base = not written here.
  const sameAutoscaling = a !== undefined && ba !== undefined && a.min === ba.min && a.max === ba.max;

  if (a && a.min > a.max) {
    if (!sameAutoscaling) {
      const minHere = a.min !== (ba?.min ?? d.replicas);
      findings.push({
        pointer: at('autoscaling', minHere ? 'min' : 'max'),
        message: `autoscaling.min (${a.min}) is greater than autoscaling.max (${a.max}) in ${label}; the HorizontalPodAutoscaler would be rejected`,
        hint: `Set autoscaling.min to at most autoscaling.max.`,
      });
    }
  } else if (a && (d.replicas < a.min || d.replicas > a.max)) {
    const replicasHere = d.replicas !== (b?.replicas ?? DEFAULTS.deploy.replicas);
    if (!(sameAutoscaling && d.replicas === b?.replicas)) {
      const low = d.replicas < a.min;
      findings.push({
        pointer: at(...(replicasHere ? ['replicas'] : ['autoscaling', low ? 'min' : 'max'])),
        message: `replicas (${d.replicas}) is ${low ? 'below autoscaling.min' : 'above autoscaling.max'} (${low ? a.min : a.max}) in ${label}; with autoscaling on, the deployment runs between ${a.min} and ${a.max} replicas`,
        hint: `Set replicas between ${a.min} and ${a.max}, or change the autoscaling range to include ${d.replicas}.`,
      });
    }
  }

  const k = d.keda;
  if (k && k.min > k.max) {
    const minHere = k.min !== d.replicas;
    findings.push({
      pointer: at('keda', minHere ? 'min' : 'max'),
      message: `keda.min (${k.min}) is greater than keda.max (${k.max}) in ${label}${minHere ? '' : ' (keda.min defaults to replicas)'}; the ScaledObject would be rejected`,
      hint: 'Set keda.min to at most keda.max.',
    });
  }

  if (a && k) {
    findings.push({
      pointer: at('keda'),
      on: 'key',
      message: `${label.charAt(0).toUpperCase() + label.slice(1)} sets both autoscaling and keda; they are mutually exclusive: KEDA drives its own HorizontalPodAutoscaler, and two autoscalers on one deployment fight over its replica count`,
      hint: 'Remove one of them. With keda alone, the CPU autoscaling of the defaults is switched off.',
    });
  }

  const pdb = d.podDisruptionBudget;
  if (pdb) {
    const f = floor(d);
    const repeatsBase =
      b !== undefined && b.podDisruptionBudget?.minAvailable === pdb.minAvailable && floor(b).value === f.value;
    if (pdb.minAvailable >= f.value && !repeatsBase) {
      const pdbHere = b === undefined || b.podDisruptionBudget?.minAvailable !== pdb.minAvailable;
      findings.push({
        pointer: at(...(pdbHere ? ['podDisruptionBudget', 'minAvailable'] : f.key)),
        message: `podDisruptionBudget.minAvailable (${pdb.minAvailable}) is not below ${f.what} (${f.value}) in ${label}: ${f.when}no pod can be evicted, so node drains and cluster upgrades would hang`,
        hint:
          f.value > 1
            ? `Set podDisruptionBudget.minAvailable to at most ${f.value - 1}, or raise ${f.what} above ${pdb.minAvailable}.`
            : `Raise ${f.what} to at least ${pdb.minAvailable + 1}, or remove the podDisruptionBudget.`,
      });
    }
  }
  return findings;
}

export const rule: Rule = {
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
defaults or of a context; a context that only inherits a broken default is not reported again.

Fails:

    contexts:
      - name: issuance
        deploy:
          replicas: 2
          autoscaling: { min: 5, max: 3 }        # min above max
          podDisruptionBudget: { minAvailable: 2 }

Passes:

    contexts:
      - name: issuance
        deploy:
          replicas: 3
          autoscaling: { min: 3, max: 10 }
          podDisruptionBudget: { minAvailable: 2 }`,
  check(model: Model) {
    return blocks(model).flatMap(checkBlock);
  },
};
