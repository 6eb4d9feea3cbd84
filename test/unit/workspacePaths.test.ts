import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkRealPathInside, checkRelativeFolder, isInsideRealPath, type RealPathHost } from '../../src/core/workspacePaths';

const nodeHost: RealPathHost = {
  realpath: (p) => fs.promises.realpath(p),
  exists: (p) =>
    fs.promises.lstat(p).then(
      () => true,
      () => false,
    ),
};

describe('workspacePaths', () => {
  describe('checkRelativeFolder', () => {
    it('normalises ordinary folders', () => {
      assert.deepEqual(checkRelativeFolder(' ./content\\posts/ '), { ok: true, value: 'content/posts' });
      assert.deepEqual(checkRelativeFolder(''), { ok: true, value: '' });
      assert.deepEqual(checkRelativeFolder('talks/2026 keynotes'), { ok: true, value: 'talks/2026 keynotes' });
      assert.deepEqual(checkRelativeFolder('notes~/old'), { ok: true, value: 'notes~/old' });
    });

    const refused: [string, string, RegExp][] = [
      ['a NUL byte', 'talks/a\u0000b', /"talks\/a\\u0000b".*"a\\u0000b" contains a control character/],
      ['a Windows device name', 'a/NUL/b', /"NUL" is a reserved name on Windows/],
      ['a device name with an extension', 'talks/con.md', /"con\.md" is a reserved name on Windows/],
      ['a trailing dot', 'talks./2026', /"talks\." ends with a dot or a space/],
      ['a trailing space inside the path', 'talks /2026', /"talks " ends with a dot or a space/],
      ['a character Windows refuses', 'talks/what?', /contains "\?"/],
      ['a home folder', '~/notes', /starts with "~"/],
      ['a bare tilde', '~', /starts with "~"/],
      ['another user', '~root/x', /starts with "~"/],
      ['a climb', 'talks/../../x', /climbs out/],
      ['an absolute path', '/etc', /must be relative/],
      ['a drive', 'C:\\drafts', /must be relative/],
      ['a very long segment', `a/${'x'.repeat(300)}`, /longer than 255 bytes/],
      ['a very long folder', 'a/'.repeat(600), /longer than 1024 characters/],
    ];
    for (const [what, folder, message] of refused) {
      it(`refuses ${what}`, () => {
        const result = checkRelativeFolder(folder);
        assert.equal(result.ok, false);
        assert.match(result.ok ? '' : result.message, message);
      });
    }
  });

  describe('isInsideRealPath', () => {
    it('compares whole segments', () => {
      assert.ok(isInsideRealPath('/ws', '/ws'));
      assert.ok(isInsideRealPath('/ws/', '/ws/talks/a.md'));
      assert.ok(!isInsideRealPath('/ws', '/ws-other/a.md'));
      assert.ok(!isInsideRealPath('/ws/talks', '/ws'));
      assert.ok(isInsideRealPath('/', '/anything'));
    });

    it('ignores case and slash direction on Windows paths only', () => {
      assert.ok(isInsideRealPath('C:\\Users\\me\\ws', 'c:\\users\\ME\\ws\\talks\\a.md'));
      assert.ok(!isInsideRealPath('C:\\ws', 'C:\\ws2\\a.md'));
      assert.ok(isInsideRealPath('\\\\server\\share\\ws', '\\\\SERVER\\share\\ws\\a.md'));
      assert.ok(!isInsideRealPath('/home/me/ws', '/home/me/WS/a.md'));
    });
  });

  describe('checkRealPathInside', () => {
    let base: string;
    let ws: string;
    let outside: string;

    before(() => {
      base = fs.mkdtempSync(path.join(os.tmpdir(), 'devrel-paths-'));
      ws = path.join(base, 'ws');
      outside = path.join(base, 'outside');
      fs.mkdirSync(path.join(ws, 'talks'), { recursive: true });
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
      fs.symlinkSync('../outside', path.join(ws, 'notes'));
      fs.symlinkSync('talks', path.join(ws, 'speaking'));
      fs.symlinkSync('../outside/new-folder', path.join(ws, 'dangling'));
      fs.symlinkSync('../../outside/new.md', path.join(ws, 'talks', 'planted.md'));
      fs.symlinkSync(ws, path.join(base, 'ws-link'));
    });

    after(() => fs.rmSync(base, { recursive: true, force: true }));

    it('allows new files and folders inside the workspace', async () => {
      assert.deepEqual(await checkRealPathInside(ws, path.join(ws, 'talks', 'a.md'), nodeHost), { ok: true });
      assert.deepEqual(await checkRealPathInside(ws, path.join(ws, 'new', 'deeper', 'a.md'), nodeHost), { ok: true });
      assert.deepEqual(await checkRealPathInside(ws, path.join(ws, 'speaking', 'a.md'), nodeHost), { ok: true }, 'a link that stays inside');
      assert.deepEqual(
        await checkRealPathInside(path.join(base, 'ws-link'), path.join(base, 'ws-link', 'talks', 'a.md'), nodeHost),
        { ok: true },
        'a workspace opened through a link',
      );
    });

    it('refuses a folder that is a link to a place outside', async () => {
      const result = await checkRealPathInside(ws, path.join(ws, 'notes', 'sub', 'a.md'), nodeHost);
      assert.deepEqual(result, { ok: false, existing: path.join(ws, 'notes'), realPath: fs.realpathSync(outside) });
    });

    it('refuses a link that points at nothing, whose target writing would create', async () => {
      assert.deepEqual(await checkRealPathInside(ws, path.join(ws, 'dangling', 'a.md'), nodeHost), { ok: false, existing: path.join(ws, 'dangling') });
      assert.deepEqual(await checkRealPathInside(ws, path.join(ws, 'talks', 'planted.md'), nodeHost), { ok: false, existing: path.join(ws, 'talks', 'planted.md') });
      assert.equal(fs.existsSync(path.join(outside, 'new.md')), false);
    });
  });
});
