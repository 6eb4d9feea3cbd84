// The page's side of the webview API: what it posts to the extension and the state the editor
// keeps for it while the panel is hidden.

import type { DashboardModel, HostToPage, PageToHost } from '../../core/dashboardProtocol';

interface PageState {
  model: DashboardModel;
}

/** The part of the API VS Code gives a webview that the page uses. */
interface WebviewApi {
  postMessage(message: PageToHost): void;
  getState(): unknown;
  setState(state: PageState): void;
}

declare function acquireVsCodeApi(): WebviewApi;

// The editor hands the API out once per page, so one module holds it for all the others.
const api = acquireVsCodeApi();

export function postToHost(message: PageToHost): void {
  api.postMessage(message);
}

/** The model last drawn, if the editor kept one for this page. */
export function savedModel(): DashboardModel | undefined {
  const state = api.getState();
  const model = typeof state === 'object' && state !== null ? (state as { model?: unknown }).model : undefined;
  return isModel(model) ? model : undefined;
}

export function saveModel(model: DashboardModel): void {
  api.setState({ model });
}

/**
 * The shape the page needs to start drawing. The model comes from our own extension, but
 * numbers in it may have turned into null on the way: those are handled where they are shown.
 */
export function isModel(value: unknown): value is DashboardModel {
  if (typeof value !== 'object' || value === null) return false;
  const model = value as { focus?: unknown; pipeline?: unknown; calendar?: unknown; impact?: unknown };
  return (
    typeof model.focus === 'object' &&
    model.focus !== null &&
    Array.isArray(model.pipeline) &&
    typeof model.calendar === 'object' &&
    model.calendar !== null &&
    Array.isArray((model.calendar as { weeks?: unknown }).weeks) &&
    typeof model.impact === 'object' &&
    model.impact !== null &&
    Array.isArray((model.impact as { metrics?: unknown }).metrics)
  );
}

/** A message from the extension, if it is one the page knows; anything else is ignored. */
export function readHostMessage(data: unknown): HostToPage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, model, ok, message } = data as { type?: unknown; model?: unknown; ok?: unknown; message?: unknown };
  if (type === 'model' && isModel(model)) return { type, model };
  if (type === 'statusResult' && typeof message === 'string') return { type, ok: ok === true, message };
  return undefined;
}
