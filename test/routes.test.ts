/** Route templates as the model layer reads them: parameters, problems and the router's shape. */
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../src/model/routes.js';
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
