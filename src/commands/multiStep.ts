import * as vscode from 'vscode';

/** What a step returns when the person pressed Back. */
export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

/** Where a step sits in its flow, for the title (`Log Impact: Talk (2/4)`) and the Back button. */
export interface StepPlace {
  title: string;
  step: number;
  total: number;
}

/**
 * Runs prompts one after another with counted steps and a Back button. Each step returns
 * `true` to go on, BACK to return to the previous step, or undefined when the person pressed
 * Escape, which ends the flow. Steps keep their answers in `state`, so going back shows the
 * answer given before.
 */
export async function runSteps<S>(title: string, state: S, steps: readonly ((place: StepPlace, state: S) => Promise<StepResult<true>>)[]): Promise<S | undefined> {
  let index = 0;
  while (index < steps.length) {
    const result = await steps[index]({ title, step: index + 1, total: steps.length }, state);
    if (result === undefined) return undefined;
    if (result === BACK) index = Math.max(0, index - 1);
    else index++;
  }
  return state;
}

function titleOf(place: StepPlace): string {
  return `${place.title} (${place.step}/${place.total})`;
}

export interface PickStepOptions<T extends vscode.QuickPickItem> {
  placeholder: string;
  /** The item highlighted at first: the current or the likely next value, so Enter confirms it. */
  active?: (item: T) => boolean;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

/** One quick-pick step. */
export async function pickStep<T extends vscode.QuickPickItem>(place: StepPlace, items: readonly T[], options: PickStepOptions<T>): Promise<StepResult<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = titleOf(place);
  pick.placeholder = options.placeholder;
  pick.items = items;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.ignoreFocusOut = true;
  if (place.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  const active = options.active ? items.find(options.active) : undefined;
  if (active) pick.activeItems = [active];
  try {
    return await new Promise<StepResult<T>>((resolve) => {
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) resolve(BACK);
      });
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) resolve(chosen);
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}

export interface InputStepOptions {
  prompt: string;
  value?: string;
  placeholder?: string;
  /**
   * A message for the text as typed: an error (the step can't be accepted), or a warning or
   * information the person can read and accept anyway, such as a date preview.
   */
  validate?: (text: string) => string | vscode.InputBoxValidationMessage | undefined;
}

/** One input-box step. */
export async function inputStep(place: StepPlace, options: InputStepOptions): Promise<StepResult<string>> {
  const box = vscode.window.createInputBox();
  box.title = titleOf(place);
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  if (place.step > 1) box.buttons = [vscode.QuickInputButtons.Back];
  const check = (text: string): string | vscode.InputBoxValidationMessage | undefined => options.validate?.(text);
  const blocks = (message: string | vscode.InputBoxValidationMessage | undefined): boolean =>
    message !== undefined && (typeof message === 'string' || message.severity === vscode.InputBoxValidationSeverity.Error);
  // An empty box is not blamed before anything is typed; Enter on it says what is missing.
  if (box.value !== '') box.validationMessage = check(box.value);
  try {
    return await new Promise<StepResult<string>>((resolve) => {
      box.onDidChangeValue((text) => {
        box.validationMessage = check(text);
      });
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) resolve(BACK);
      });
      box.onDidAccept(() => {
        const message = check(box.value);
        box.validationMessage = message;
        if (!blocks(message)) resolve(box.value);
      });
      box.onDidHide(() => resolve(undefined));
      box.show();
    });
  } finally {
    box.dispose();
  }
}
