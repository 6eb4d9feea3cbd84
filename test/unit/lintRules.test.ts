import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = join(__dirname, '..', '..');

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  return result.messages.map((m) => m.ruleId ?? m.message).sort();
}

describe('lint rules', function () {
  // The first run loads ESLint and the TypeScript parser.
  this.timeout(60_000);

  it('refuses a vscode import inside src/core, and only there', async () => {
    const code = "import type * as vscode from 'vscode';\n\nexport type Uri = vscode.Uri;\n";
    assert.deepEqual(await rulesHit(code, 'src/core/importsVscode.ts'), ['no-restricted-imports']);
    assert.deepEqual(await rulesHit(code, 'src/views/importsVscode.ts'), []);
  });

  it('refuses default exports in either spelling', async () => {
    const code = 'export const a = 1;\nexport default a;\nconst b = 2;\nexport { b as default };\n';
    assert.deepEqual(await rulesHit(code, 'src/util/defaults.ts'), ['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('asks for return types on exported functions and methods, not on local ones', async () => {
    const code =
      'export function f(a: number) {\n  return a;\n}\nexport class K {\n  m(b: number) {\n    return b;\n  }\n}\nconst g = (c: number) => c;\nexport const h: number = g(1);\n';
    assert.deepEqual(await rulesHit(code, 'src/util/returnTypes.ts'), ['@typescript-eslint/explicit-module-boundary-types', '@typescript-eslint/explicit-module-boundary-types']);
  });

  it('asks for camelCase file names', async () => {
    const code = 'export const a = 1;\n';
    for (const name of ['src/util/Bad_name.ts', 'src/util/kebab-case.ts', 'test/unit/PascalCase.test.ts']) {
      assert.deepEqual(await rulesHit(code, name), ['local/camel-case-file-name'], name);
    }
    for (const name of ['src/util/camelCase.ts', 'test/unit/frontMatterEdit.property.test.ts', 'esbuild.config.mjs']) {
      assert.deepEqual(await rulesHit(code, name), [], name);
    }
  });
});
