// The dry-run preview: a read-only Markdown document that shows every field and the exact
// Markdown a publish would send, before anything is sent.

import { PLATFORM_INFO, type PublishPlan } from './types';

const ICONS = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const;

export function renderPlanPreview(plan: PublishPlan, endpoint: string, draftPath: string): string {
  const label = PLATFORM_INFO[plan.platform].label;
  const lines: string[] = [];
  const verb = plan.action === 'update' ? `Update ${label} article ${plan.remoteId}` : `Create a ${label} article`;
  lines.push(`# Dry run: ${verb}`, '');
  lines.push(`Nothing has been sent. This is exactly what publishing \`${draftPath}\` sends to ${label}.`, '');
  lines.push(`**Request:** \`${plan.request.method} ${endpoint}${plan.request.path}\``, '');

  const blocking = plan.problems.filter((p) => p.severity === 'error');
  if (plan.problems.length > 0) {
    lines.push('## Before sending', '');
    for (const problem of plan.problems) lines.push(`- ${ICONS[problem.severity]} ${escapeInline(problem.message)}`);
    lines.push('');
    if (blocking.length > 0) lines.push(`**${blocking.length === 1 ? 'This problem stops' : 'These problems stop'} the publish until fixed.**`, '');
  }
  if (plan.unresolved.length > 0) {
    lines.push('## Links and images that stay relative', '');
    for (const reference of plan.unresolved) {
      lines.push(`- \`${reference.target}\`${reference.line > 0 ? ` (line ${reference.line} of the body sent)` : ' (cover image)'}: ${escapeInline(reference.reason)}`);
    }
    lines.push('', 'The publish stops at these unless you choose to go on.', '');
  }

  lines.push('## Fields', '');
  for (const field of plan.fields) {
    lines.push(`- **${field.name}**: ${cell(field.value)}${field.note ? ` (${field.note})` : ''}`);
  }
  lines.push('');
  const bodyField = plan.platform === 'devto' ? 'body_markdown' : 'contentMarkdown';
  const fence = fenceFor(plan.body);
  lines.push(`## \`${bodyField}\`, exactly as sent`, '', `${fence}markdown`, plan.body.replace(/\r?\n$/, ''), fence, '');
  return lines.join('\n');
}

function cell(value: string | number | boolean | string[] | undefined): string {
  if (value === undefined) return '*not sent*';
  if (Array.isArray(value)) return value.length === 0 ? '*none*' : value.map((v) => `\`${escapeCode(v)}\``).join(', ');
  if (typeof value === 'string') return `\`${escapeCode(value)}\``;
  return `\`${String(value)}\``;
}

function escapeCode(text: string): string {
  return text.replace(/`/g, 'ˋ');
}

function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

/** A fence longer than any run of backticks in the body, so the body can't close it early. */
function fenceFor(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}
