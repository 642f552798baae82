/** The pure classification (src/diff) on edits of the diff fixtures' base model; the CLI tests cover the cases of the issue. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffModels, type Mode } from '../../../src/core/diff/index.js';
import type { Model } from '../../../src/model/ir.js';
import { validateModelText } from '../../../src/model/validate.js';

const BASE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'diff', 'base.yaml'), 'utf8');

function model(...edits: Array<[string, string]>): Model {
  let text = BASE;
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const result = validateModelText('m.yaml', text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model!;
}

const summary = (after: Model, mode: Mode = 'full', before = model()) =>
  diffModels(before, after, mode).changes.map((c) => `${c.kind.name} ${c.verdict}`);

const EVENT = '            fields: [orderId, customerId, total, note, channel]\n';

describe('event versions', () => {
  it('version 2 of an event gets type .v2 and, by default, topic <Event>.v2 (its DLQ follows)', () => {
    const event = model([EVENT, `${EVENT}            version: 2\n`]).events.find((e) => e.name === 'OrderPlaced')!;
    expect(event.type).toBe('com.example.shop.OrderPlaced.v2');
    expect(event.topic.name).toBe('OrderPlaced.v2');
    expect(event.dlq.name).toBe('OrderPlaced.v2.DLQ');
    expect(model().events[0]!.topic.name).toBe('OrderPlaced');
  });

  it('an explicit topic wins over the versioned default', () => {
    const event = model([EVENT, `${EVENT}            version: 3\n            topic: orders\n`]).events[0]!;
    expect([event.type, event.topic.name]).toEqual(['com.example.shop.OrderPlaced.v3', 'orders']);
  });

  it('a version bump alone is a migration, and makes a lowered partition count moot (a new topic)', () => {
    expect(summary(model([EVENT, `${EVENT}            version: 2\n            kafka: { partitions: 1 }\n`]))).toEqual(['event-version-bumped migration']);
  });
});

describe('changes the CLI fixtures do not show', () => {
  it('a field made optional breaks old readers (forward), made required breaks new ones (backward)', () => {
    const optional = model(['          total: money\n', '          total: { type: money, optional: true }\n']);
    expect(summary(optional, 'forward')).toEqual(['field-made-optional breaking', 'field-made-optional breaking']);
    expect(summary(optional, 'backward')).toEqual(['field-made-optional compatible', 'field-made-optional compatible']);
    expect(summary(model(), 'backward', optional)).toEqual(['field-made-required breaking', 'field-made-required breaking']);
    expect(summary(model(), 'forward', optional)).toEqual(['field-made-required compatible', 'field-made-required compatible']);
  });

  it('a field becoming a list is a type change', () => {
    const list = model(['          customerId: string\n', '          customerId: { type: string, list: true }\n']);
    const changes = diffModels(model(), list, 'backward').changes;
    expect(changes.map((c) => c.message)).toContain('Field "customerId" of event "OrderPlaced" changed its type from string to string[]');
    expect(changes.every((c) => c.verdict === 'breaking')).toBe(true);
  });

  it('partitions raised and a consumer removed are compatible', () => {
    const after = model([EVENT, `${EVENT}            kafka: { partitions: 6 }\n`], ['from: [OrderPlaced, OrderShipped]', 'from: [OrderShipped]']);
    expect(summary(after)).toEqual(['partitions-raised compatible', 'consumer-removed compatible']);
  });

  it('a route changed or a command callers reach removed is breaking; an internal command removed is not', () => {
    expect(summary(model(['http: POST /orders', 'http: POST /purchases']))).toEqual(['route-changed breaking']);
    const renamed = model(['          - name: PlaceOrder\n', '          - name: SubmitOrder\n']);
    expect(summary(renamed)).toEqual(['command-removed breaking', 'command-added compatible']);
    const before = model(['            fields: [orderId]\n            emits: [OrderShipped]\n', '            fields: [orderId]\n            emits: [OrderShipped]\n          - name: ArchiveShipment\n']);
    expect(summary(model(), 'full', before)).toEqual(['command-removed compatible']);
  });

  it('a moved topic without a new version breaks its consumers', () => {
    expect(summary(model([EVENT, `${EVENT}            topic: orders\n`]))).toEqual(['topic-changed breaking']);
  });

  it('every change names the modes it breaks under, whatever the chosen mode', () => {
    const after = model([EVENT, '            fields: [orderId, customerId, note, channel]\n']);
    for (const mode of ['backward', 'forward', 'full'] as const) {
      expect(diffModels(model(), after, mode).changes[0]!.breaksUnder).toEqual(['forward', 'full']);
    }
  });
});
