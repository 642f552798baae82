/**
 * Hostile names: what a careless or malicious author might write where the model expects a
 * PascalCase name, a DNS label, a camelCase field or a route. Most are refused by a naming
 * rule; those that are not are exactly what the property looks for.
 */
import fc from 'fast-check';
import { anyText, CANARY } from './text.js';

/** Reserved words, globals and the names of generated packages and folders. */
export const RESERVED_NAMES = [
  'default',
  'class',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'then',
  'Object',
  'Array',
  'Promise',
  'Record',
  'Map',
  'Error',
  'Buffer',
  'URL',
  'Event',
  'Request',
  'Response',
  'Function',
  'Symbol',
  'Infinity',
  'NaN',
  'undefined',
  'null',
  'true',
] as const;

/** Names that try to become paths. */
export const PATH_NAMES = ['..', '.', 'a/b', '../../escape', 'a\\b', 'CON', 'nul', 'Com1', 'Lpt9', 'Name.', 'Name ', '.hidden', '~', '*', 'a:b', 'a?b'] as const;

/** DNS-valid labels that collide with something msa-gen generates or npm or Kubernetes reserve. */
export const TRICKY_LABELS = [
  'runtime',
  'platform',
  'packages',
  'services',
  'helm',
  'kafka',
  'tests',
  'src',
  'node',
  'npm',
  'con',
  'default',
  'kube-system',
  '0',
  '1a',
  'a--b',
  'x'.repeat(63),
] as const;

/** Names in other scripts or with invisible characters. */
export const UNICODE_NAMES = [
  'Ápplication',
  'ApplicationSubmittéd',
  'Заявка',
  '申請',
  'Ａｐｐｌｉｃａｔｉｏｎ',
  'Applicat\u0131on',
  'Application\u200d',
  'Appli\u00adcation',
  '\u202eApplication',
  'Application\ufeff',
  'Application\u0301',
  'PermitIssued\ud83d\ude00',
] as const;

/** Names that carry control characters or line breaks. */
export const CONTROL_NAMES = [
  'Application\nSubmitted',
  `x\n::warning::${CANARY}`,
  'Application\u001b[31m',
  'Application\u0007',
  'Application\u0000',
  'Application\r',
  'Application\u2028Submitted',
  'Application\u0085',
  '\tApplication',
] as const;

/** A very long name built from valid words. */
export const longName = (): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 8, max: 60 }), fc.constantFrom('Application', 'Permit', 'Document')).map(([n, w]) => `${w.repeat(n)}Submitted`);

/** Any hostile name for any slot; the slot decides which rule, if any, refuses it. */
export const hostileName = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...RESERVED_NAMES) },
    { weight: 2, arbitrary: fc.constantFrom(...PATH_NAMES) },
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY_LABELS) },
    { weight: 2, arbitrary: fc.constantFrom(...UNICODE_NAMES) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTROL_NAMES) },
    { weight: 1, arbitrary: longName() },
    { weight: 1, arbitrary: anyText(12).filter((s) => s.length > 0) },
  );

/** Route templates fastify cannot serve, or serves differently from what they say. */
export const BROKEN_ROUTES = [
  'POST /a/{id',
  'POST /a/id}',
  'POST /a/{id}/{id}',
  'POST /a/../b',
  'POST /a/./b',
  'POST /a//b',
  'POST /a/{id}x',
  'POST /a/x{id}',
  'POST /a/{}',
  'POST /a/{{id}}',
  'POST /',
  'GET /healthz',
  'GET /metrics',
  'POST /admin/dlq/{id}/replay',
  'POST /a/',
  'POST /a/{id}.{id}',
  'POST /a/{i-d}',
  'POST /a/{1d}',
  'POST /a/*',
] as const;
