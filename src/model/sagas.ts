import type { Context, Saga } from './ir.js';

/** The context that runs an orchestration saga's state machine. */
export function orchestratorOf(saga: Saga): Context | undefined {
  if (saga.orchestrator) return saga.orchestrator.target; // unresolved: MSA205's finding
  return saga.steps[0]?.command.target?.context;
}

