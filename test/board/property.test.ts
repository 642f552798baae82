/**
 * Boards of models drawn from the schema's grammar (test/property/arbitraries, adversarial
 * names and titles included): whenever a model validates clean, its board lays out without
 * error, holds every sticky, none on another, and its markup stays well nested.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBoard, renderBoard } from '../../src/board/index.js';
import { layoutBoard } from '../../src/board/layout.js';
import { validateModelText } from '../../src/model/validate.js';
import { modelCase } from '../property/arbitraries/cases.js';
import { elk } from './support.js';

const SEED = 1101;
const RUNS = 30;

describe('boards of drawn models', { timeout: 600_000 }, () => {
  it('lay out every sticky apart and escape every string', async () => {
    const valid = fc
      .sample(modelCase(), { seed: SEED, numRuns: RUNS })
      .map((c) => validateModelText('model.yaml', c.yaml).valid)
      .filter((m) => m !== undefined);
    expect(valid.length).toBeGreaterThan(5);
    for (const model of valid) {
      const board = buildBoard(model);
      const layout = await layoutBoard(board, elk());
      expect(layout.stickies).toHaveLength(model.events.length + model.commands.length + model.policies.length + model.aggregates.length + model.readModels.length + model.externals.length + board.stickies.filter((s) => s.kind === 'actor').length);
      const s = layout.stickies;
      for (let i = 0; i < s.length; i++) {
        for (let j = i + 1; j < s.length; j++) {
          const [a, b] = [s[i]!, s[j]!];
          expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height, `${a.sticky.name} / ${b.sticky.name}`).toBe(false);
        }
      }
      const html = await renderBoard(model, { format: 'html', saga: model.sagas[0]?.name }, elk());
      expect(html).not.toMatch(/<script|<img|\]\]>|<!--/i);
      expect(html.match(/<g\b/g)?.length).toBe(html.match(/<\/g>/g)?.length);
      expect(html.match(/class="sticky /g)).toHaveLength(s.length);
    }
  });
});
