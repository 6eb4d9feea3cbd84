import * as vscode from 'vscode';
import { builtinTemplates, BUILT_IN_KINDS } from '../core/kinds/registry';
import { kindOverridesFromTemplates } from '../core/kinds/resolve';
import { parseTemplate, type Template } from '../core/templates/parseTemplate';
import { Disposable } from '../util/disposable';
import { log } from '../util/logger';
import { errorMessage } from '../core/util/result';
import { isReallyInside, outsideWorkspaceReason } from './realPaths';

export const TEMPLATES_FOLDER = '.devrel/templates';
/** Templates are a page or two; anything much larger is not one, and is not read into drafts. */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A template file from a workspace folder's `.devrel/templates/`. */
export interface WorkspaceTemplate {
  template: Template;
  uri: vscode.Uri;
}

interface FolderTemplates {
  templates: WorkspaceTemplate[];
  /** Problems by file, already logged; kept so a reload logs only what changed. */
  problems: Map<string, string>;
}

/**
 * The templates of each workspace folder: `.devrel/templates/*.md` files, read as data, override
 * the built-in template of their kind or add a kind. Reloaded when those files change; commands
 * read afresh before creating a draft so that a template saved a moment ago is always used.
 */
export class TemplateStore extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the set of workspace templates, or what one of them says, changes. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly folders = new Map<string, FolderTemplates>();
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> | undefined;

  constructor() {
    super();
    this.register({ dispose: () => this.disposeWatchers() });
    this.register({ dispose: () => clearTimeout(this.reloadTimer) });
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.watchFolders()));
    this.watchFolders();
  }

  /** Resolves once every workspace folder's templates have been read. */
  ready(): Promise<void> {
    return (this.loading ??= this.reloadAll());
  }

  /**
   * The templates to create drafts from in `folder`, read afresh: for each built-in kind its
   * workspace template(s) or else the built-in one, then the kinds only workspace templates add.
   * The first template of a kind is its default.
   */
  async templatesFor(folder: vscode.WorkspaceFolder | undefined): Promise<Template[]> {
    const own = (folder ? await this.reload(folder) : []).map((t) => t.template);
    const builtins = builtinTemplates();
    const ordered: Template[] = [];
    for (const builtin of builtins) {
      const custom = own.filter((t) => t.kind === builtin.kind);
      ordered.push(...(custom.length > 0 ? custom : [builtin]));
    }
    ordered.push(...own.filter((t) => !builtins.some((b) => b.kind === t.kind)));
    return ordered;
  }

  /** The workspace template files of `folder` as last read, without reading again. */
  workspaceTemplates(folder?: vscode.WorkspaceFolder): WorkspaceTemplate[] {
    if (folder) return this.folders.get(folder.uri.toString())?.templates ?? [];
    return [...this.folders.values()].flatMap((f) => f.templates);
  }

  /**
   * Kinds the workspace templates add, and workflows they declare, in the shape of the
   * `devrel.kinds` setting. Settings should win over these when both name a kind.
   */
  kindOverrides(): Record<string, { label?: string; statuses?: string[] }> {
    const ordered = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => this.workspaceTemplates(folder));
    return kindOverridesFromTemplates(
      ordered.map((t) => t.template),
      Object.keys(BUILT_IN_KINDS),
    );
  }

  /** The workflow a workspace template declares for `kind`, if any. */
  declaredStatuses(folder: vscode.WorkspaceFolder | undefined, kind: string): string[] | undefined {
    const templates = folder ? this.workspaceTemplates(folder) : this.workspaceTemplates();
    const declared = templates.find((t) => t.template.kind === kind && t.template.statuses)?.template.statuses;
    if (declared) return declared;
    return this.kindOverrides()[kind]?.statuses;
  }

  templatesFolder(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, ...TEMPLATES_FOLDER.split('/'));
  }

  /** Reads `folder`'s templates again, fires onDidChange when anything differs, and returns them. */
  async reload(folder: vscode.WorkspaceFolder): Promise<WorkspaceTemplate[]> {
    const key = folder.uri.toString();
    const previous = this.folders.get(key);
    const next = await this.read(folder, previous?.problems ?? new Map());
    if (this.isDisposed) return next.templates;
    this.folders.set(key, next);
    if (signature(previous?.templates ?? []) !== signature(next.templates)) this.changeEmitter.fire();
    return next.templates;
  }

  private async reloadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const key of [...this.folders.keys()]) {
      if (!folders.some((f) => f.uri.toString() === key)) {
        this.folders.delete(key);
        this.changeEmitter.fire();
      }
    }
    await Promise.all(folders.map((folder) => this.reload(folder)));
  }

  private async read(folder: vscode.WorkspaceFolder, logged: Map<string, string>): Promise<FolderTemplates> {
    const dir = this.templatesFolder(folder);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      // No templates folder is the usual case, not a problem.
      return { templates: [], problems: new Map() };
    }
    const problems = new Map<string, string>();
    // A templates folder that is a link could hand any folder's files to New Draft.
    const outside = await outsideWorkspaceReason(folder, dir);
    if (outside !== undefined) {
      problems.set(TEMPLATES_FOLDER, `not used: ${outside}.`);
      this.logProblems(folder, problems, logged);
      return { templates: [], problems };
    }
    const names = entries
      .filter(([name, type]) => type & vscode.FileType.File && /\.md$/i.test(name))
      .map(([name, type]) => ({ name, link: (type & vscode.FileType.SymbolicLink) !== 0 }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const templates: WorkspaceTemplate[] = [];
    for (const { name, link } of names) {
      const uri = vscode.Uri.joinPath(dir, name);
      const source = `${TEMPLATES_FOLDER}/${name}`;
      // Only files really inside the templates folder: a link to a credentials file must not
      // have its text copied into the next draft.
      if (link && !(await isReallyInside(dir, uri))) {
        problems.set(source, `is a link to a file outside ${TEMPLATES_FOLDER}, so it is not used as a template.`);
        continue;
      }
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength > MAX_TEMPLATE_BYTES) {
          problems.set(source, `is larger than ${MAX_TEMPLATE_BYTES / 1024} KB, so it is not used as a template.`);
          continue;
        }
        const text = new TextDecoder('utf-8').decode(bytes);
        const parsed = parseTemplate(text, source);
        if (parsed.problems.length > 0) problems.set(source, parsed.problems.join(' '));
        if (parsed.template) templates.push({ template: parsed.template, uri });
      } catch (error) {
        // Deleted between listing and reading: the watcher reloads again.
        if ((error instanceof vscode.FileSystemError && error.code === 'FileNotFound') || /ENOENT/.test(String(error))) continue;
        problems.set(source, `could not be read: ${errorMessage(error)}`);
      }
    }
    this.logProblems(folder, problems, logged);
    return { templates: stableByKind(templates), problems };
  }

  private logProblems(folder: vscode.WorkspaceFolder, problems: Map<string, string>, logged: Map<string, string>): void {
    for (const [source, message] of problems) {
      if (logged.get(source) !== message) log().warn(`${folder.name}/${source}: ${message}`);
    }
  }

  private watchFolders(): void {
    this.disposeWatchers();
    // A plain glob rides on the workspace's own recursive watcher. A RelativePattern would ask
    // for a watcher of its own on a folder that usually doesn't exist yet.
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${TEMPLATES_FOLDER}/*.md`);
    const changed = (uri: vscode.Uri): void => {
      if (this.isTemplateFile(uri)) this.scheduleReload();
    };
    this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
    this.scheduleReload();
  }

  private isTemplateFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder !== undefined && vscode.Uri.joinPath(this.templatesFolder(folder), uri.path.split('/').pop() ?? '').toString() === uri.toString();
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    // Saving several templates at once (Customize Templates) reloads once.
    this.reloadTimer = setTimeout(() => {
      this.loading = this.reloadAll().catch((error: unknown) => log().warn(`Could not read workspace templates: ${String(error)}`));
    }, 100);
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
  }
}

function isNamedAfterKind(t: WorkspaceTemplate): boolean {
  const base = t.uri.path.split('/').pop() ?? '';
  return base.replace(/\.md$/i, '').toLowerCase() === t.template.kind.toLowerCase();
}

/**
 * Groups templates by kind in order of first appearance. Within a kind the file named after it
 * (`talk.md`) comes first: that is the one a person customised on purpose, so it is the default.
 */
function stableByKind(templates: WorkspaceTemplate[]): WorkspaceTemplate[] {
  const kinds: string[] = [];
  for (const t of templates) if (!kinds.includes(t.template.kind)) kinds.push(t.template.kind);
  return kinds.flatMap((kind) => templates.filter((t) => t.template.kind === kind).sort((a, b) => Number(!isNamedAfterKind(a)) - Number(!isNamedAfterKind(b))));
}

function signature(templates: readonly WorkspaceTemplate[]): string {
  return JSON.stringify(templates.map((t) => [t.uri.toString(), t.template.kind, t.template.name, t.template.text, t.template.label, t.template.statuses]));
}
