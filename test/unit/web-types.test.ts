import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The web apps take the types of what they send and receive from the contract (src/contract/, the
 * schemas the routes declare and the OpenAPI document is generated from) or from a route's body
 * schema (src/http/routes/). A hand-written copy drifts from the server without a compiler noticing,
 * so this fails on one:
 * - the type argument of every call to the server (`useApi<T>`, `api.get/post/put<T>`, `follow<T>`)
 *   must resolve, through imports and aliases, to a contract or route schema type: no inline object
 *   type, no local interface;
 * - no interface in web/ bears the name of a contract export, and a type alias that does must be
 *   derived from the contract.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CONTRACT = join(ROOT, 'src/contract');
const SCHEMA_HOMES = [CONTRACT + '/', join(ROOT, 'src/http/routes') + '/'];
const SERVER_CALLS = new Set(['useApi', 'api.get', 'api.post', 'api.put', 'follow']);
/** Type operators that keep the contract type they are given (the first argument). */
const WRAPPERS = new Set(['Omit', 'Pick', 'Partial', 'Required', 'NonNullable', 'Readonly', 'Array']);

/** Web declarations that share a contract name but are not copies of it, each with the reason. */
const NOT_COPIES: Record<string, string> = {
  'web/citizen/src/pages/apply/draft.ts:Draft':
    "the app's own working state; the contract's Draft keeps it as an opaque body (SavedDraftAnswer)",
};

type Source = (path: string) => string | undefined;

const diskSource: Source = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

function parse(path: string, source: Source): ts.SourceFile | undefined {
  const text = source(path);
  return text === undefined ? undefined : ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
}

const isSchemaHome = (path: string) => SCHEMA_HOMES.some((home) => path.startsWith(home));

/** Where `name` comes from in `file`: an import, a re-export, or a local declaration. */
function origin(file: ts.SourceFile, name: string) {
  for (const s of file.statements) {
    if (ts.isImportDeclaration(s) && s.importClause?.namedBindings) {
      const b = s.importClause.namedBindings;
      if (ts.isNamedImports(b))
        for (const e of b.elements)
          if (e.name.text === name)
            return {
              from: (s.moduleSpecifier as ts.StringLiteral).text,
              as: (e.propertyName ?? e.name).text,
            };
    }
    if (ts.isExportDeclaration(s) && s.moduleSpecifier && s.exportClause && ts.isNamedExports(s.exportClause))
      for (const e of s.exportClause.elements)
        if (e.name.text === name)
          return { from: (s.moduleSpecifier as ts.StringLiteral).text, as: (e.propertyName ?? e.name).text };
    if ((ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) && s.name.text === name)
      return { decl: s };
  }
  return undefined;
}

/** Why the type `name`, as `file` sees it, is not the contract's; null when it is. */
function nameFault(
  file: ts.SourceFile,
  name: string,
  source: Source,
  seen = new Set<string>(),
): string | null {
  if (isSchemaHome(file.fileName)) return null;
  const key = `${file.fileName}:${name}`;
  if (seen.has(key)) return `${name} refers to itself`;
  seen.add(key);
  const o = origin(file, name);
  if (!o) return `${name} is not imported from the contract`;
  if (o.decl) {
    if (ts.isInterfaceDeclaration(o.decl)) return `${name} is a hand-written interface`;
    return typeFault(file, o.decl.type, source, seen);
  }
  if (!o.from.startsWith('.')) return `${name} comes from the package ${o.from}`;
  const target = resolve(dirname(file.fileName), o.from);
  if (isSchemaHome(target)) return null;
  const next = parse(target, source);
  return next ? nameFault(next, o.as, source, seen) : `${o.from} cannot be read`;
}

function inScopeTypeParameter(node: ts.Node, name: string): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const params = (n as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters;
    if (params?.some((p) => p.name.text === name)) return true;
  }
  return false;
}

/** Why a type node is not a contract type (through wrappers, arrays, indexing); null when it is. */
function typeFault(
  file: ts.SourceFile,
  node: ts.TypeNode,
  source: Source,
  seen = new Set<string>(),
): string | null {
  if (ts.isParenthesizedTypeNode(node)) return typeFault(file, node.type, source, seen);
  if (ts.isArrayTypeNode(node)) return typeFault(file, node.elementType, source, seen);
  if (ts.isIndexedAccessTypeNode(node)) return typeFault(file, node.objectType, source, seen);
  // A contract type narrowed where its schema leaves a part open (an opaque body): the base decides.
  if (ts.isIntersectionTypeNode(node)) return typeFault(file, node.types[0]!, source, seen);
  if (ts.isUnionTypeNode(node)) {
    for (const t of node.types) {
      if (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) continue;
      const fault = typeFault(file, t, source, seen);
      if (fault) return fault;
    }
    return null;
  }
  if (ts.isTypeReferenceNode(node)) {
    const n = node.typeName;
    if (ts.isQualifiedName(n)) {
      // z.input<typeof Schema> / z.output<typeof Schema>: the schema must be the contract's.
      const arg = node.typeArguments?.[0];
      if (ts.isIdentifier(n.left) && n.left.text === 'z' && arg && ts.isTypeQueryNode(arg)) {
        const schema = arg.exprName;
        return ts.isIdentifier(schema) ? nameFault(file, schema.text, source, seen) : 'a schema not named';
      }
      return `${n.getText(file)} is not a contract type`;
    }
    // The client's own generic parameter (`useApi<T>` calling `api.get<T>`): its callers are checked.
    if (inScopeTypeParameter(node, n.text)) return null;
    if (WRAPPERS.has(n.text)) {
      const arg = node.typeArguments?.[0];
      return arg ? typeFault(file, arg, source, seen) : `${n.text} without a type`;
    }
    return nameFault(file, n.text, source, seen);
  }
  if (ts.isTypeLiteralNode(node)) return `an inline object type ${node.getText(file).slice(0, 60)}`;
  return `${node.getText(file)} is not a contract type`;
}

/** Every name src/contract/*.ts exports (schemas and types). */
function contractNames(): Set<string> {
  const names = new Set<string>();
  for (const f of readdirSync(CONTRACT).filter((f) => f.endsWith('.ts'))) {
    const file = parse(join(CONTRACT, f), diskSource)!;
    for (const s of file.statements) {
      const exported =
        ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && ts.isVariableStatement(s))
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      if (exported && (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s))) names.add(s.name.text);
      if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause))
        for (const e of s.exportClause.elements) names.add(e.name.text);
    }
  }
  return names;
}

/** The faults of one web file, each as `path:line: what`. */
function faultsOf(path: string, source: Source, contract: Set<string>): string[] {
  const file = parse(path, source)!;
  const rel = relative(ROOT, path);
  const where = (node: ts.Node) =>
    `${rel}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.typeArguments && SERVER_CALLS.has(node.expression.getText(file)))
      for (const arg of node.typeArguments) {
        const fault = typeFault(file, arg, source);
        if (fault) out.push(`${where(arg)}: ${node.expression.getText(file)}<…>: ${fault}`);
      }
    if (
      (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) &&
      contract.has(node.name.text)
    ) {
      const name = node.name.text;
      if (!NOT_COPIES[`${rel}:${name}`]) {
        const fault = ts.isInterfaceDeclaration(node)
          ? 'a hand-written interface'
          : typeFault(file, node.type, source);
        if (fault) out.push(`${where(node)}: ${name} shares the contract's name: ${fault}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function webFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? webFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('web types come from the contract', () => {
  const contract = contractNames();

  it('finds the contract exports', () => {
    for (const name of ['Task', 'CaseView', 'SigningSession', 'WhatIfReport', 'SharedFields'])
      expect(contract).toContain(name);
  });

  it('no web app copies an answer or body type by hand', () => {
    const files = ['citizen', 'staff'].flatMap((app) => webFiles(join(ROOT, 'web', app, 'src')));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => faultsOf(f, diskSource, contract))).toEqual([]);
  });

  it('names the copies it finds', () => {
    const fake = join(ROOT, 'web/staff/src/Fake.tsx');
    const types = join(ROOT, 'web/staff/src/fake-types.ts');
    const files: Record<string, string> = {
      [fake]: [
        "import type { Task as TaskData, QueuePage } from '../../../src/contract/staff.ts';",
        "import type { Local } from './fake-types.ts';",
        'interface Task { caseId: string }',
        'type Inbox = { role: string };',
        'type Me = TaskData;',
        'useApi<TaskData>("/a"); api.get<QueuePage["rows"][number][]>("/b");',
        'useApi<{ caseId: string }>("/c"); api.post<Local>("/d"); follow<Task>("/e");',
      ].join('\n'),
      [types]: 'export interface Local { a: string }',
    };
    const source: Source = (p) => files[p] ?? diskSource(p);
    const faults = faultsOf(fake, source, contract);
    expect(faults).toEqual([
      "web/staff/src/Fake.tsx:3: Task shares the contract's name: a hand-written interface",
      "web/staff/src/Fake.tsx:4: Inbox shares the contract's name: an inline object type { role: string }",
      'web/staff/src/Fake.tsx:7: useApi<…>: an inline object type { caseId: string }',
      'web/staff/src/Fake.tsx:7: api.post<…>: Local is a hand-written interface',
      'web/staff/src/Fake.tsx:7: follow<…>: Task is a hand-written interface',
    ]);
  });
});
