/** Route templates as the model layer reads them: parameters, problems and the router's shape. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../src/model/ir.js';
import { parseRoute, routeNeeds, suggestRoute } from '../src/model/routes.js';
import { validateModelText } from '../src/model/validate.js';
import { parsePath, routeShape } from '../src/model/routes.js';

describe('parseRoute', () => {
  it.each([
    ['POST /applications/{applicationId}/result', ['applicationId']],
    ['POST /a/{id', []],
    ['POST /a/{id}/{id}', ['id']],
    ['POST /a/../b', []],
    ['POST /a//b', []],
    ['POST /a/{id}x', []],
    ['POST /a/{}', []],
    ['POST /a/{a{b}}', []],
    ['POST /a/}{', []],
    ['GET /', []],
    ['GET', []],
    ['', []],
    ['BREW /coffee/{pot}', ['pot']],
  ])('%j has the parameters %j and never throws', (text, params) => {
    const route = parseRoute(text, '/p')!;
    expect(route.params).toEqual(params);
    expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(route.method);
  });
});

describe('parsePath', () => {
  it.each([
    ['/applications/{applicationId}/result', []],
    ['/', []],
    ['/v1.0/a_b/c-d', []],
    ['/a/{id', ['has unbalanced braces in the segment "{id"']],
    ['/a/{id}/{id}', ['names the parameter "{id}" twice']],
    ['/a/../b', ['has the segment "..", which clients and proxies resolve away']],
    ['/a/./b', ['has the segment ".", which clients and proxies resolve away']],
    ['/a//b', ['has an empty segment ("//")']],
    ['/a/', ['ends in "/"']],
    ['/a/{id}x', ['has the segment "{id}x": a parameter is a whole segment, like "{id}"']],
    ['/a/x{id}', ['has the segment "x{id}": a parameter is a whole segment, like "{id}"']],
    ['/a/{}', ['has an empty parameter "{}"']],
    ['/a/{1x}', ['has the parameter "{1x}", whose name is not a field name']],
    ['/a/b c', ['has the segment "b c": use letters, digits, ".", "_" and "-"']],
    ['a/b', ['does not start with "/"']],
  ])('%j: %j', (path, problems) => {
    expect(parsePath(path).problems).toEqual(problems);
  });
});

describe('routeShape', () => {
  it('is the same for routes that differ in their parameter names only', () => {
    expect(routeShape('POST', '/a/{x}/b')).toBe(routeShape('POST', '/a/{y}/b'));
  });
  it('tells methods, literal segments and letter case apart', () => {
    const shapes = [
      routeShape('POST', '/a/{x}'),
      routeShape('PUT', '/a/{x}'),
      routeShape('POST', '/a/b'),
      routeShape('POST', '/A/{x}'),
      routeShape('POST', '/a/{x}/b'),
    ];
    expect(new Set(shapes).size).toBe(shapes.length);
  });
  it('is undefined for a path with problems', () => {
    expect(routeShape('POST', '/a//b')).toBeUndefined();
  });
});

describe('conventional routes (http: is an override)', () => {
  const model = (commands: string, extra = '') =>
    validateModelText(
      'model.yaml',
      `version: 1
platform: { name: permits }
contexts:
  - name: permit
    aggregates:
      - name: PermitApplication
        fields:
          applicationId: { type: uuid, key: true }
          note: string
        commands:
${commands}
        events:
          - name: NoteAdded
            fields: [applicationId, note]
            terminal: true
${extra}`,
    ).model!;
  const command = (m: Model, name: string) => m.commands.find((c) => c.name === name)!;

  it('puts the key in the path when the input carries it, in the collection otherwise', () => {
    const m = model(`          - name: AddNote
            actor: Clerk
            fields: [applicationId, note]
            emits: [NoteAdded]
          - name: OpenApplication
            actor: Citizen
            fields: [note]
            emits: [NoteAdded]`);
    expect(suggestRoute(command(m, 'AddNote'))).toBe('POST /permit-applications/{applicationId}/add-note');
    expect(suggestRoute(command(m, 'OpenApplication'))).toBe('POST /permit-applications/open-application');
    expect(command(m, 'AddNote').http).toMatchObject({ method: 'POST', path: '/permit-applications/{applicationId}/add-note', params: ['applicationId'], conventional: true });
    expect(command(m, 'AddNote').http!.pointer).toBe('/contexts/0/aggregates/0/commands/0/name');
  });

  it('keeps a number key out of the path (a URL carries text only, MSA408)', () => {
    const m = validateModelText(
      'model.yaml',
      `version: 1
platform: { name: counters }
contexts:
  - name: counter
    aggregates:
      - name: Counter
        fields:
          counterId: { type: int, key: true }
        commands:
          - name: ResetCounter
            actor: Operator
            fields: [counterId]
            emits: [CounterReset]
        events:
          - name: CounterReset
            fields: [counterId]
            terminal: true
`,
    ).model!;
    expect(command(m, 'ResetCounter').http?.path).toBe('/counters/reset-counter');
  });

  it('gives a route only to a command that needs one, and never replaces a written one', () => {
    const m = model(`          - name: AddNote
            fields: [applicationId, note]
            emits: [NoteAdded]
          - name: ChangeNote
            actor: Clerk
            http: PUT /notes/{applicationId}
            fields: [applicationId, note]
            emits: [NoteAdded]`);
    expect(command(m, 'AddNote').http).toBeUndefined();
    expect(command(m, 'ChangeNote').http).toMatchObject({ method: 'PUT', path: '/notes/{applicationId}' });
    expect(command(m, 'ChangeNote').http!.conventional).toBeUndefined();
    expect([...routeNeeds(m).entries()].map(([c, need]) => [c.name, need])).toEqual([['ChangeNote', { kind: 'actor', actor: 'Clerk' }]]);
  });
});
