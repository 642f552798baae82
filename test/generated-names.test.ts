/**
 * The validator's picture of the identifiers generated modules declare (src/model/generated-names.ts
 * and MSA209) agrees with what the generators write: every top-level name of a generated module
 * is one the rule knows, either the module's own or one it derives from the model.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generators/index.js';
import { commandTypeName as generatorCommandType, eventTypeName as generatorEventType } from '../src/generators/names/symbols.js';
import { commandTypeName, eventTypeName, TAKEN_TYPE_NAMES } from '../src/model/generated-names.js';
import { RESERVED_GLOBALS } from '../src/model/rules/msa106-reserved-word.js';
import { moduleScopes, serviceIndex } from '../src/model/rules/msa209-generated-name-clash.js';
import { allModels, modelOf, request } from './generators/scaffold-support.js';

/** The names a module binds at its top level: imports and declarations. */
function topLevelNames(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.name) names.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.push(e.name.text);
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isClassDeclaration(st)) &&
      st.name
    ) {
      names.push(st.name.text);
    }
  }
  return names;
}

describe('generated identifiers as the validator knows them', () => {
  it('suffixes the same command and event names as the generators', () => {
    const names = [...TAKEN_TYPE_NAMES, ...RESERVED_GLOBALS, 'Document', 'Request', 'Emitted', 'SubmitApplication'];
    for (const name of names) {
      expect(eventTypeName(name), name).toBe(generatorEventType({ name }));
      expect(commandTypeName(name), name).toBe(generatorCommandType({ name }));
    }
  });

  describe.each(allModels())('$name', ({ file }) => {
    it('every top-level name of a generated module is one MSA209 accounts for', () => {
      const model = modelOf(file);
      const files = new Map(generate(request(model)).map((f) => [f.path, f.content]));
      const index = serviceIndex(model);
      let checked = 0;
      for (const context of model.contexts) {
        for (const scope of moduleScopes(context, index, () => {})) {
          const text = files.get(scope.file);
          if (text === undefined) continue; // a module this service does not need
          checked++;
          const unknown = topLevelNames(scope.file, text).filter((n) => !scope.names.has(n));
          expect(unknown, scope.file).toEqual([]);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  });
});
