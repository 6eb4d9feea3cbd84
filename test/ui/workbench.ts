import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';
import { emitNote } from '../runner/protocol';
import { getUiSession, UiSession } from '../runner/uiSession';

/**
 * Helpers for UI tests: a real workbench served by code-server, with DevRel
 * Desk loaded in an Extension Development Host on a temp copy of the demo
 * workspace. Everything goes through what a person sees and does: the command
 * palette, the activity bar, views and their accessible roles.
 */

export interface TreeRow {
  /** The accessible name (aria-label), which VS Code builds from label and description. */
  label: string;
  /** The visible text of the row. */
  text: string;
  /** 1 for top-level rows. */
  level: number;
  /** Undefined for leaves. */
  expanded?: boolean;
  selected: boolean;
}

export interface ExtensionManifest {
  name: string;
  publisher: string;
  displayName?: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
  };
}

const defaultTimeoutMs = 30_000;

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly session: UiSession,
    private readonly folder?: string,
  ) {}

  /** The absolute path of the folder the workbench shows: the workspace copy, unless another was opened. */
  get workspace(): string {
    return this.folder ?? this.session.workspace;
  }

  async title(): Promise<string> {
    return this.page.title();
  }

  /** Opens the command palette (F1) and types `text` after its `>` prompt. */
  async openCommandPalette(text = ''): Promise<Locator> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: defaultTimeoutMs });
    if (text) {
      // Filled into the input itself, not typed: keystrokes follow the focus, and when something
      // took it while the palette opened, they landed in the editor and changed the open draft.
      const prefix = await input.inputValue();
      await input.fill(`${prefix}${text}`);
      await waitUntil(async () => (await input.inputValue()).endsWith(text), defaultTimeoutMs, 'the palette input');
    }
    // The list fills asynchronously: wait for rows or for the "no matching" message.
    const widget = this.page.locator('.quick-input-widget');
    await waitUntil(
      async () => (await widget.locator('.quick-input-list .monaco-list-row').count()) > 0 || (await widget.getByText(/^No (matching )?(commands|results)/).isVisible()),
      defaultTimeoutMs,
      'the palette to list commands',
    );
    // Filtering runs once more after the last keystroke lands.
    await this.page.waitForTimeout(200);
    return input;
  }

  /** Labels of the rows the open quick pick shows (first screenful: the list is virtual). */
  async quickPickItems(): Promise<string[]> {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const labels: string[] = [];
    for (const row of await rows.all()) {
      labels.push(((await row.locator('.label-name').first().textContent()) ?? '').trim());
    }
    return labels;
  }

  async closeQuickInput(): Promise<void> {
    if (await this.page.locator('.quick-input-widget').isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: defaultTimeoutMs });
    }
  }

  /**
   * Runs a command from the F1 palette by its title as shown there, e.g.
   * `DevRel: New Blog Post` or `View: Toggle Word Wrap`.
   */
  async runCommand(title: string): Promise<void> {
    await this.openCommandPalette(title);
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(title) }) })
      .first();
    try {
      await row.waitFor({ state: 'visible', timeout: defaultTimeoutMs });
    } catch {
      const shown = await this.quickPickItems();
      await this.closeQuickInput();
      throw new Error(`no command titled "${title}" in the palette; it showed: ${shown.join(' | ') || 'nothing'}`);
    }
    await row.click();
    // Commands that open a quick pick of their own keep the widget visible; either way the
    // palette's row must be gone before a test reads or types into what the command shows.
    await row.waitFor({ state: 'hidden', timeout: defaultTimeoutMs });
    await this.page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .catch(() => undefined);
  }

  /** Clicks an activity bar entry (e.g. `DevRel Desk`, `Explorer`) unless it is already open. */
  async openViewContainer(title: string): Promise<void> {
    const item = this.activityBarItem(title);
    await item.waitFor({ state: 'visible', timeout: defaultTimeoutMs });
    if ((await item.getAttribute('aria-selected')) !== 'true') {
      await item.click();
    }
    await waitUntil(async () => (await item.getAttribute('aria-selected')) === 'true', defaultTimeoutMs, `${title} to open`);
  }

  /** The activity bar tab whose label starts with `title` (labels carry the keybinding). */
  activityBarItem(title: string): Locator {
    return this.page
      .locator('.part.activitybar li[role="tab"]')
      .filter({ has: this.page.locator(`a.action-label[aria-label^="${cssString(title)}"]`) })
      .first();
  }

  /** The pane of a view by its name, e.g. `Drafts`. */
  viewPane(viewName: string): Locator {
    return this.page
      .locator('.part.sidebar .pane, .part.auxiliarybar .pane, .part.panel .pane')
      .filter({ has: this.page.locator('.pane-header h3.title', { hasText: exactText(viewName) }) })
      .first();
  }

  /**
   * A draft's row, found by its accessible name, which starts with the full title: the label
   * shows only the start of a long one. `viewName` is Drafts unless said otherwise.
   */
  draftRow(title: string, viewName = 'Drafts'): Locator {
    return this.treeItem(viewName, new RegExp(`^${escapeRegExp(title)}(,|$)`));
  }

  /**
   * A row of a view by its accessible name: a string matches any part of it, ignoring case. For
   * rows that name a draft further in, such as Upcoming's (`Due in 3 days, <title>, drafting`).
   */
  treeItem(viewName: string, name: string | RegExp): Locator {
    return this.viewPane(viewName).getByRole('treeitem', { name }).first();
  }

  /**
   * The rows a view's tree shows, read through their accessible roles. Expands
   * the view first if it is collapsed. Only rendered rows are returned (trees
   * are virtual), which is every row for views that fit on screen.
   */
  async treeRows(viewName: string, options: { atLeast?: number; timeoutMs?: number } = {}): Promise<TreeRow[]> {
    const pane = this.viewPane(viewName);
    await pane.waitFor({ state: 'attached', timeout: options.timeoutMs ?? defaultTimeoutMs });
    const header = pane.locator('.pane-header').first();
    if ((await header.isVisible()) && (await header.getAttribute('aria-expanded')) === 'false') {
      await header.click();
    }
    const tree = pane.getByRole('tree').first();
    await tree.waitFor({ state: 'visible', timeout: options.timeoutMs ?? defaultTimeoutMs });
    // One snapshot of the DOM: reading row by row raced a tree that re-rendered with fewer rows
    // (after a filter), leaving a locator for a row that no longer exists waiting out its timeout.
    const read = (): Promise<TreeRow[]> =>
      tree.getByRole('treeitem').evaluateAll((items) =>
        items.map((item) => {
          const expanded = item.getAttribute('aria-expanded');
          return {
            label: item.getAttribute('aria-label') ?? '',
            text: ((item as unknown as { innerText?: string }).innerText ?? '').replace(/\s+/g, ' ').trim(),
            level: Number(item.getAttribute('aria-level') ?? '1'),
            expanded: expanded === null ? undefined : expanded === 'true',
            selected: item.getAttribute('aria-selected') === 'true',
          };
        }),
      );
    const atLeast = options.atLeast ?? 0;
    let rows: TreeRow[] = [];
    await waitUntil(
      async () => {
        rows = await read();
        return rows.length >= atLeast;
      },
      options.timeoutMs ?? defaultTimeoutMs,
      `${atLeast} rows in ${viewName}`,
    );
    return rows;
  }

  /** Saves a PNG of the whole window to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.session.resultsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
    emitNote(`screenshot: ${path.relative(process.cwd(), file)}`);
    return file;
  }

  /** Waits until `text` is visible anywhere in the workbench. */
  async waitForText(text: string | RegExp, timeoutMs = defaultTimeoutMs): Promise<Locator> {
    const locator = this.page.getByText(text).first();
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
    return locator;
  }

  /** Clicks a row of the open quick pick: a string matches a row's whole label, a pattern any part of it. */
  async pick(label: string | RegExp): Promise<void> {
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: typeof label === 'string' ? exactText(label) : label }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }

  /**
   * Starts a command from the palette and leaves its prompt open. Clicked by hand rather than with
   * runCommand(): the palette hands over to the command's own prompt in the same widget, which
   * never hides in between.
   */
  async startCommand(command: string): Promise<void> {
    await this.openCommandPalette(command);
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(command) }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    // Off the input, so its placeholder's hover doesn't cover the prompt in screenshots.
    await this.page.mouse.move(800, 600);
  }

  /** Opens a workspace file with Quick Open and waits for its tab to be the active one. */
  async openFile(relativePath: string): Promise<void> {
    const page = this.page;
    const name = path.posix.basename(relativePath);
    const tab = page.locator('.tabs-container [role="tab"]').filter({ hasText: name }).first();
    // Quick Open can close before its result is chosen (the focus moved, the list refilled):
    // choose the file's own row, and open Quick Open again when no tab came of it.
    for (let attempt = 1; ; attempt++) {
      // Nothing left open (a menu, a pick) may swallow Quick Open.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(relativePath);
      const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForTimeout(300);
      await row.click();
      const opened = await tab
        .waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : 15_000 })
        .then(() => true)
        .catch(() => false);
      if (opened) break;
      if (attempt >= 3) throw new Error(`${relativePath} did not open from Quick Open`);
    }
    await waitUntil(async () => (await tab.getAttribute('aria-selected')) === 'true', 15_000, `${relativePath} to be active`);
  }

  /** Expands one of DevRel Desk's views and collapses the others, so its rows have the room. */
  async focusOnView(keep: string, views: readonly string[] = ['Drafts', 'Upcoming', 'Impact']): Promise<void> {
    for (const name of views) {
      const header = this.viewPane(name).locator('.pane-header').first();
      if (!(await header.isVisible().catch(() => false))) continue;
      const want = name === keep ? 'true' : 'false';
      for (let attempt = 0; attempt < 3 && (await header.getAttribute('aria-expanded')) !== want; attempt++) {
        // The title, not the middle of the header, where the view's action buttons are.
        await header.locator('h3.title').click();
        await waitUntil(async () => (await header.getAttribute('aria-expanded')) === want, 5_000, `${name} to be ${want === 'true' ? 'expanded' : 'collapsed'}`).catch(
          () => undefined,
        );
      }
    }
  }

  /** The frame (a webview's, the Markdown preview's) that holds `selector`, once it has loaded. */
  async frameWith(selector: string, what: string): Promise<Frame> {
    let found: Frame | undefined;
    await waitUntil(
      async () => {
        for (const frame of this.page.frames()) {
          if (
            (await frame
              .locator(selector)
              .count()
              .catch(() => 0)) > 0
          ) {
            found = frame;
            return true;
          }
        }
        return false;
      },
      30_000,
      what,
    );
    return found as Frame;
  }

  /** The dashboard page's frame. */
  async dashboardFrame(): Promise<Frame> {
    return this.frameWith('#dashboard-root', 'the dashboard webview');
  }

  async close(): Promise<void> {
    this.session.pages.delete(this.page);
    await this.page.context().close();
  }
}

/**
 * Opens a new browser window on the workbench and waits until it is usable and
 * running DevRel Desk's Extension Development Host. Each call gets its own
 * browser context; the workspace copy and editor state are shared.
 */
export async function openWorkbench(options: { timeoutMs?: number; folder?: string } = {}): Promise<Workbench> {
  const session = getUiSession();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  session.pages.add(page);
  const workbench = new Workbench(page, session, options.folder);
  await page.goto(options.folder ? withFolder(session.workbenchUrl, options.folder) : session.workbenchUrl, { timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
  // The title changes once the remote extension host is connected for development.
  await waitUntil(async () => (await page.title()).startsWith('[Extension Development Host]'), timeoutMs, 'the Extension Development Host title');
  // The workbench renders before the extension host registers contributions;
  // DevRel Desk's activity bar entry shows it has.
  for (const container of extensionManifest().contributes?.viewsContainers?.activitybar ?? []) {
    await workbench.activityBarItem(container.title).waitFor({ state: 'visible', timeout: timeoutMs });
  }
  await waitUntil(
    async () =>
      !(await page
        .locator('.part.statusbar')
        .getByText(/Activating Extensions/)
        .isVisible()),
    timeoutMs,
    'extensions to finish activating',
  );
  return workbench;
}

/** The workbench address with another folder, on the same machine, in place of the workspace copy. */
function withFolder(workbenchUrl: string, folder: string): string {
  const url = new URL(workbenchUrl);
  url.searchParams.set('folder', path.resolve(folder));
  return url.toString();
}

/** DevRel Desk's package.json, as the workbench under test loaded it. */
export function extensionManifest(): ExtensionManifest {
  const root = getUiSession().extensionPath;
  // The workbench shows package.json's `%key%` placeholders in English, from package.nls.json.
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? (nls[/^%([\w.-]+)%$/.exec(value)?.[1] ?? ''] ?? value) : value)) as ExtensionManifest;
}

/** A day from today in the machine's time zone, as `YYYY-MM-DD`: the dates the extension writes. */
export function localDate(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Prints a line under the current test in the runner's output. */
export function note(text: string): void {
  emitNote(text);
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
