// The subset of JSON Schema the agent tools declare, and a check of a tool's input against it.
// The editor hands a tool whatever the model wrote, unchecked, so every tool validates its own
// input and answers a bad one with text the model can act on.

import { hasOwn } from '../util/objects';

export interface InputSchema {
  type: 'object' | 'string' | 'number' | 'integer' | 'boolean';
  description?: string;
  properties?: Readonly<Record<string, InputSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export interface InputProblem {
  /** The property the problem is in, such as `value`; empty for the input as a whole. */
  path: string;
  message: string;
}

/** Every way `value` breaks `schema`, as sentences; empty when it fits. */
export function validateInput(schema: InputSchema, value: unknown, path = ''): InputProblem[] {
  const where = path === '' ? 'The input' : `"${path}"`;
  switch (schema.type) {
    case 'object':
      return validateObject(schema, value, path, where);
    case 'string': {
      if (typeof value !== 'string') return [{ path, message: `${where} must be text, not ${describe(value)}.` }];
      const problems: InputProblem[] = [];
      if (schema.minLength !== undefined && value.trim().length < schema.minLength) problems.push({ path, message: `${where} must not be empty.` });
      if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push({ path, message: `${where} must be at most ${schema.maxLength} characters.` });
      if (schema.enum && !schema.enum.includes(value)) problems.push({ path, message: `${where} must be one of ${schema.enum.join(', ')}, not "${value}".` });
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
        problems.push({ path, message: `${where} is "${value}", which is not ${patternHint(schema)}.` });
      }
      return problems;
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [{ path, message: `${where} must be a number, not ${describe(value)}.` }];
      if (schema.type === 'integer' && !Number.isInteger(value)) return [{ path, message: `${where} must be a whole number, not ${value}.` }];
      if (schema.minimum !== undefined && value < schema.minimum) return [{ path, message: `${where} must be at least ${schema.minimum}, not ${value}.` }];
      if (schema.maximum !== undefined && value > schema.maximum) return [{ path, message: `${where} must be at most ${schema.maximum}, not ${value}.` }];
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [{ path, message: `${where} must be true or false, not ${describe(value)}.` }];
  }
}

function validateObject(schema: InputSchema, value: unknown, path: string, where: string): InputProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path, message: `${where} must be an object, not ${describe(value)}.` }];
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const problems: InputProblem[] = [];
  for (const name of schema.required ?? []) {
    if (!hasOwn(record, name) || record[name] === undefined || record[name] === null) {
      problems.push({
        path: join(path, name),
        message: `"${join(path, name)}" is required${properties[name]?.description ? `: ${lowerFirst(properties[name].description)}` : '.'}`,
      });
    }
  }
  for (const [name, item] of Object.entries(record)) {
    // A model often writes null for an option it means to leave out.
    if (item === undefined || (item === null && !(schema.required ?? []).includes(name))) continue;
    if (!hasOwn(properties, name)) {
      if (schema.additionalProperties === false) {
        problems.push({ path: join(path, name), message: `"${join(path, name)}" is not an option here; use ${Object.keys(properties).join(', ')}.` });
      }
      continue;
    }
    if (item === null) continue;
    problems.push(...validateInput(properties[name], item, join(path, name)));
  }
  return problems;
}

/** The input without the nulls a model writes for options it leaves out, once it is valid. */
export function withoutNulls<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/** One text for the model: what was wrong, and that nothing was changed. */
export function inputProblemsText(toolName: string, problems: readonly InputProblem[]): string {
  return [`${toolName} did not run: its input does not fit the schema. Nothing was changed.`, ...problems.map((p) => `- ${p.message}`)].join('\n');
}

function patternHint(schema: InputSchema): string {
  return schema.description ? lowerFirst(schema.description.replace(/\.$/, '')) : `in the form ${schema.pattern}`;
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
