// Finds text shown to people that skips localisation: a string or template literal handed straight
// to an editor API that displays it. The tables below say which APIs and which of their arguments or
// properties are displayed; add a row when the extension starts using another one.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A call whose arguments, or properties of an options object argument, are displayed. */
export interface CallSink {
  /** The called function's name, e.g. `showInformationMessage` for `vscode.window.showInformationMessage(…)`. */
  name: string;
  /** Arguments shown as text; `'rest'` means this index and every later one (message buttons). */
  args?: (number | 'rest')[];
  /** For an object literal argument at this index: its properties shown as text. */
  options?: { arg: number; properties: string[] };
}

/** A `new X(…)` whose arguments, or properties of an object argument, are displayed. */
export interface ConstructorSink {
  /** The class name as written after `vscode.`, e.g. `TreeItem` for `new vscode.TreeItem(…)`. */
  name: string;
  args?: number[];
  options?: { arg: number; properties: string[] };
}

/** An object made by `factory` (a call or a constructor) whose properties, when assigned, are displayed. */
export interface AssignmentSink {
  factory: string;
  properties: string[];
}

export const CALL_SINKS: CallSink[] = [
  { name: 'showInformationMessage', args: [0, 'rest'], options: { arg: 1, properties: ['detail'] } },
  { name: 'showWarningMessage', args: [0, 'rest'], options: { arg: 1, properties: ['detail'] } },
  { name: 'showErrorMessage', args: [0, 'rest'], options: { arg: 1, properties: ['detail'] } },
  { name: 'showQuickPick', options: { arg: 1, properties: ['title', 'placeHolder', 'prompt'] } },
  { name: 'showInputBox', options: { arg: 0, properties: ['title', 'placeHolder', 'prompt', 'value'] } },
  { name: 'showOpenDialog', options: { arg: 0, properties: ['title', 'openLabel'] } },
  { name: 'showSaveDialog', options: { arg: 0, properties: ['title', 'saveLabel'] } },
  { name: 'withProgress', options: { arg: 0, properties: ['title'] } },
  { name: 'createWebviewPanel', args: [1] },
  { name: 'createStatusBarItem', options: { arg: 0, properties: ['name', 'text', 'tooltip'] } },
  { name: 'setStatusBarMessage', args: [0] },
  { name: 'appendMarkdown', args: [0] },
  { name: 'appendText', args: [0] },
  // The extension's own multi-step prompts (src/commands/multiStep.ts) pass these on to a quick pick or input box.
  { name: 'runSteps', args: [0] },
  { name: 'pickStep', options: { arg: 2, properties: ['placeholder'] } },
  { name: 'inputStep', options: { arg: 1, properties: ['prompt', 'placeholder'] } },
];

export const CONSTRUCTOR_SINKS: ConstructorSink[] = [
  { name: 'TreeItem', args: [0] },
  { name: 'Diagnostic', args: [1] },
  { name: 'CodeLens', options: { arg: 1, properties: ['title', 'tooltip'] } },
  // A quick fix's title is what the light bulb menu lists.
  { name: 'CodeAction', args: [0] },
  { name: 'MarkdownString', args: [0] },
  { name: 'CompletionItem', args: [0] },
  { name: 'Hover', args: [0] },
  // A UserError's message is what the command boundary shows.
  { name: 'UserError', args: [0] },
];

export const ASSIGNMENT_SINKS: AssignmentSink[] = [
  { factory: 'createQuickPick', properties: ['title', 'placeholder', 'prompt'] },
  { factory: 'createInputBox', properties: ['title', 'placeholder', 'prompt', 'validationMessage'] },
  { factory: 'createStatusBarItem', properties: ['name', 'text', 'tooltip'] },
  { factory: 'TreeItem', properties: ['label', 'description', 'tooltip'] },
  { factory: 'createWebviewPanel', properties: ['title'] },
];

/** Object literals with one of these keys are quick pick items, message items or buttons: these properties are shown. */
export const ITEM_LITERAL_PROPERTIES = ['label', 'description', 'detail', 'tooltip'];

/** Properties shown wherever an object literal has them: a language model tool's progress and confirmation texts. */
export const SHOWN_PROPERTIES = ['invocationMessage', 'pastTenseMessage', 'confirmationMessages'];

/** Callbacks, given as an options property, whose returned text is shown (input validation). */
export const RETURNING_CALLBACKS = ['validateInput', 'validate'];

/** A line that says why its literal is not shown to people, e.g. `// l10n-ignore: a file name`. */
export const IGNORE_MARKER = 'l10n-ignore';

export interface Bypass {
  file: string;
  line: number;
  text: string;
  sink: string;
  /** Offsets of the literal in the file. */
  start: number;
  end: number;
}

/** Text worth translating: it has letters once placeholders, codicons and markup are taken out. */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(/\$\([\w~-]+\)/g, '').replace(/\$\{[^}]*\}/g, ''));
}

function isLocalised(node: ts.Expression): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression.getText();
  return /(^|\.)l10n\.t$/.test(callee);
}

/** The literal parts of an expression that would reach the screen untranslated. */
function literalsIn(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return literalsIn(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? [node] : [];
  if (ts.isTemplateExpression(node)) {
    const text = node.head.text + node.templateSpans.map((span) => span.literal.text).join('');
    return hasWords(text) ? [node] : node.templateSpans.flatMap((span) => literalsIn(span.expression));
  }
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    return [...literalsIn(node.left), ...literalsIn(node.right)];
  }
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return literalsIn(node.body);
  return [];
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function optionProperties(arg: ts.Expression | undefined, properties: string[]): ts.Expression[] {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return [];
  return arg.properties.flatMap((p) => (ts.isPropertyAssignment(p) && properties.includes(propertyName(p.name) ?? '') ? literalsIn(p.initializer) : []));
}

function calledName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** `x`, `this.x` or `a.b.x`: a name for what an expression stores to, good enough to follow within a file. */
function targetName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function returnedLiterals(fn: ts.Node): ts.Expression[] {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isMethodDeclaration(fn)) return [];
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return literalsIn(fn.body);
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(...literalsIn(node.expression));
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/** The bypasses in one source file. */
export function findBypasses(fileName: string, text: string): Bypass[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = text.split('\n');
  const found: Bypass[] = [];
  const report = (nodes: ts.Expression[], sink: string): void => {
    for (const node of nodes) {
      if (isLocalised(node)) continue;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      if (lines[line]?.includes(IGNORE_MARKER) || lines[line - 1]?.includes(IGNORE_MARKER)) continue;
      if (found.some((b) => b.start === node.getStart(source))) continue;
      found.push({ file: fileName, line: line + 1, text: node.getText(source), sink, start: node.getStart(source), end: node.end });
    }
  };
  // Names bound to objects whose displayed properties we watch: `const pick = vscode.window.createQuickPick()`.
  const made = new Map<string, AssignmentSink>();
  const remember = (name: string | undefined, init: ts.Expression | undefined): void => {
    if (!name || !init) return;
    const inner = ts.isCallExpression(init) || ts.isNewExpression(init) ? init : undefined;
    const factory = inner ? calledName(inner.expression) : undefined;
    const sink = ASSIGNMENT_SINKS.find((s) => s.factory === factory);
    if (sink) made.set(name, sink);
  };
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) remember(node.name.text, node.initializer);
    if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      // `private readonly item = this.register(vscode.window.createStatusBarItem(…))`
      let init: ts.Expression = node.initializer;
      while (ts.isCallExpression(init) && init.arguments.length === 1) {
        const callee = calledName(init.expression);
        if (ASSIGNMENT_SINKS.some((s) => s.factory === callee)) break;
        init = init.arguments[0];
      }
      remember(node.name.text, init);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) remember(targetName(node.left), node.right);
    ts.forEachChild(node, collect);
  };
  collect(source);

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isLocalised(node)) {
      // Arguments are put into a translated sentence as they are: words there would stay English.
      report(
        node.arguments.slice(1).flatMap((arg) => literalsIn(arg)),
        'l10n.t argument (translate whole sentences)',
      );
    }
    if (ts.isCallExpression(node)) {
      const name = calledName(node.expression);
      const sink = CALL_SINKS.find((s) => s.name === name);
      if (sink) {
        for (const index of sink.args ?? []) {
          const args = index === 'rest' ? node.arguments.slice(Math.max(...(sink.args ?? []).filter((a): a is number => a !== 'rest')) + 1) : [node.arguments[index]];
          for (const arg of args) if (arg && !ts.isObjectLiteralExpression(arg)) report(literalsIn(arg), `${sink.name} argument`);
        }
        if (sink.options) report(optionProperties(node.arguments[sink.options.arg], sink.options.properties), `${sink.name} options`);
      }
    }
    if (ts.isNewExpression(node)) {
      const name = calledName(node.expression);
      const sink = CONSTRUCTOR_SINKS.find((s) => s.name === name);
      if (sink) {
        for (const index of sink.args ?? []) {
          const arg = node.arguments?.[index];
          if (arg) report(literalsIn(arg), `new ${sink.name} argument`);
        }
        if (sink.options) report(optionProperties(node.arguments?.[sink.options.arg], sink.options.properties), `new ${sink.name} options`);
      }
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const owner = targetName(node.left.expression);
      const sink = owner ? made.get(owner) : undefined;
      if (sink?.properties.includes(node.left.name.text)) report(literalsIn(node.right), `${sink.factory}().${node.left.name.text}`);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const keys = node.properties.map((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propertyName(p.name) : undefined));
      if (keys.includes('label')) report(optionProperties(node, ITEM_LITERAL_PROPERTIES), 'item label, description, detail or tooltip');
      // A vscode.Command on a tree item, CodeLens or code action: its title is shown.
      if (keys.includes('command') && keys.includes('title')) report(optionProperties(node, ['title', 'tooltip']), 'command title');
      report(optionProperties(node, SHOWN_PROPERTIES), 'tool invocation message');
      if (ts.isPropertyAssignment(node.parent) && propertyName(node.parent.name) === 'confirmationMessages')
        report(optionProperties(node, ['title', 'message']), 'tool confirmation');
      for (const p of node.properties) {
        if (ts.isPropertyAssignment(p) && RETURNING_CALLBACKS.includes(propertyName(p.name) ?? '')) report(returnedLiterals(p.initializer), `${propertyName(p.name)} result`);
        if (ts.isMethodDeclaration(p) && RETURNING_CALLBACKS.includes(propertyName(p.name) ?? '')) report(returnedLiterals(p), `${propertyName(p.name)} result`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every TypeScript file under `dir`, as paths relative to `root`. */
export function sourceFiles(root: string, dir: string, skip: (relativePath: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      const rel = relative(root, full).split('\\').join('/');
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  walk(join(root, dir));
  return out.sort();
}

export function findBypassesIn(root: string, files: string[]): Bypass[] {
  return files.flatMap((file) => findBypasses(file, readFileSync(join(root, file), 'utf8')));
}
