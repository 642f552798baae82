import type { Severity } from '../diagnostic.js';
import type { Finding } from '../finding.js';
import type { Model } from '../ir.js';

/** What `msa-gen explain` prints about a code, and what printers need to know of it. */
export interface RuleInfo {
  /** Stable code: MSA followed by three digits. Never reused. */
  readonly code: string;
  /** Short kebab-case name, e.g. `event-past-tense`. */
  readonly name: string;
  readonly severity: Severity;
  /** One line: what the rule requires. */
  readonly summary: string;
  /** One line: how to fix a finding (a finding may give a more precise one). */
  readonly hint: string;
  /** A few paragraphs for `explain`: why, and an example that fails and one that passes. */
  readonly docs: string;
}

/** A rule over the resolved model. Pure: reads the IR, returns findings. */
export interface Rule extends RuleInfo {
  check(model: Model): Finding[];
}
