// The built-in templates as files a person can edit in the workspace.

import { yamlScalar } from '../frontMatter/yamlScalar';
import { builtinTemplates } from '../kinds/registry';
import { siteProfile } from '../sites/profile';

/** The built-in templates as files to copy into the workspace, each with a `template:` block to edit. */
export function templatesToCustomize(): { fileName: string; text: string }[] {
  return builtinTemplates().map((builtin) => {
    const block = [
      '# DevRel Desk reads the template: block below and leaves it out of the drafts it creates.',
      '# folder is relative to the workspace; filename may use {date}, {slug}, {year}, {month}, {day}, {kind} and {title}.',
      'template:',
      `  # folder: ${siteProfile(undefined).folders[builtin.kind] ?? 'drafts'}`,
      "  # filename: '{date}-{slug}.md'",
      `  kind: ${yamlScalar(builtin.kind)}`,
      `  name: ${yamlScalar(builtin.name)}`,
      `  description: ${yamlScalar(builtin.description ?? '')}`,
      '',
    ].join('\n');
    const opening = /^---[ \t]*\r?\n/.exec(builtin.text);
    const at = opening ? opening[0].length : 0;
    return { fileName: `${builtin.kind}.md`, text: builtin.text.slice(0, at) + block + builtin.text.slice(at) };
  });
}
