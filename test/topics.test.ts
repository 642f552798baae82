import { describe, expect, it } from 'vitest';
import type { Model } from '../src/model/ir.js';
import {
  allTopics,
  collisionKey,
  describeBlock,
  illegalTopicChars,
  shortName,
  topicNameProblem,
  topicSettingsBlocks,
} from '../src/model/topics.js';
import { validateModelText } from '../src/model/validate.js';

function model(kafka: string, events: string): Model {
  const text = `version: 1
platform:
  name: permits
${kafka}
contexts:
  - name: application
    aggregates:
      - name: Application
        fields:
          applicationId: { type: uuid, key: true }
        commands:
          - name: SubmitApplication
            http: POST /applications
            emits: [ApplicationSubmitted, ApplicationCancelled]
        events:
${events}`;
  const result = validateModelText('model.yaml', text, { rules: [] });
  expect(result.diagnostics).toEqual([]);
  if (!result.model) throw new Error('model did not resolve');
  return result.model;
}

describe('topicNameProblem', () => {
  it('accepts the names Kafka accepts', () => {
    for (const name of ['ApplicationSubmitted', 'ApplicationSubmitted.DLQ', 'a', 'gov24.app_submitted-v1', 'x'.repeat(249), '...']) {
      expect(topicNameProblem(name), name).toBeUndefined();
    }
  });

  it('refuses empty, reserved, too long and illegal names', () => {
    expect(topicNameProblem('')).toBe('is empty');
    expect(topicNameProblem('.')).toContain('reserves');
    expect(topicNameProblem('..')).toContain('reserves');
    expect(topicNameProblem('x'.repeat(250))).toBe('is 250 characters long; Kafka accepts at most 249');
    expect(topicNameProblem('a b/c')).toBe('contains characters Kafka does not accept: " ", "/"');
    expect(topicNameProblem('민원')).toBe('contains characters Kafka does not accept: "민", "원"');
    expect(topicNameProblem('a:b')).toBe('contains a character Kafka does not accept: ":"');
  });

  it('lists each illegal character once, in order', () => {
    expect(illegalTopicChars('a b c/d e')).toEqual([' ', '/']);
    expect(illegalTopicChars('.DLQ')).toEqual([]);
  });
});

describe('collisionKey', () => {
  it('treats "." and "_" alike and nothing else', () => {
    expect(collisionKey('a.b_c')).toBe(collisionKey('a_b.c'));
    expect(collisionKey('a.b')).not.toBe(collisionKey('a-b'));
    expect(collisionKey('A.b')).not.toBe(collisionKey('a.b'));
  });
});

describe('shortName', () => {
  it('keeps short names and shortens long ones around an ellipsis', () => {
    expect(shortName('ApplicationSubmitted')).toBe('ApplicationSubmitted');
    const long = 'a'.repeat(100) + 'z';
    const short = shortName(long, 21);
    expect(short).toHaveLength(21);
    expect(short.startsWith('aaaaaaaaaa…')).toBe(true);
    expect(short.endsWith('z')).toBe(true);
  });
});

describe('allTopics', () => {
  it('lists each event topic followed by its DLQ, with the platform suffix', () => {
    const m = model(
      '  kafka:\n    dlq: { suffix: -dlq }',
      `          - name: ApplicationSubmitted
            terminal: true
          - name: ApplicationCancelled
            topic: permits.application-cancelled
            terminal: true`,
    );
    expect(allTopics(m).map((t) => [t.kind, t.topic.name, t.event.name])).toEqual([
      ['topic', 'ApplicationSubmitted', 'ApplicationSubmitted'],
      ['dlq', 'ApplicationSubmitted-dlq', 'ApplicationSubmitted'],
      ['topic', 'permits.application-cancelled', 'ApplicationCancelled'],
      ['dlq', 'permits.application-cancelled-dlq', 'ApplicationCancelled'],
    ]);
  });
});

describe('topicSettingsBlocks', () => {
  const events = `          - name: ApplicationSubmitted
            terminal: true
          - name: ApplicationCancelled
            kafka: { replicas: 5 }
            terminal: true`;

  it('has no defaults block when the platform writes no Kafka defaults', () => {
    const blocks = topicSettingsBlocks(model('', events));
    expect(blocks.map((b) => b.pointer)).toEqual(['/contexts/0/aggregates/0/events/1/kafka']);
    expect(blocks[0]!.settings.replicas).toBe(5);
    expect(blocks[0]!.base.replicas).toBe(3);
    expect(describeBlock(blocks[0]!)).toBe('topic "ApplicationCancelled"');
  });

  it('lists the written defaults first, merged onto the built-in defaults, then each override', () => {
    const blocks = topicSettingsBlocks(model('  kafka:\n    defaults: { partitions: 6, replicas: 2, minInSyncReplicas: 1 }', events));
    expect(blocks.map((b) => [b.pointer, b.event?.name])).toEqual([
      ['/platform/kafka/defaults', undefined],
      ['/contexts/0/aggregates/0/events/1/kafka', 'ApplicationCancelled'],
    ]);
    const [defaults, override] = blocks;
    expect(defaults!.base).toMatchObject({ partitions: 3, replicas: 3, minInSyncReplicas: 2 });
    expect(override!.base).toMatchObject({ partitions: 6, replicas: 2, minInSyncReplicas: 1 });
    expect(override!.settings).toMatchObject({ partitions: 6, replicas: 5, minInSyncReplicas: 1 });
    expect(describeBlock(defaults!)).toBe('the platform Kafka defaults');
  });
});
