import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The profile names an INI file of the shared AWS config defines. In the
 * config file profiles are `[profile name]` (and `[default]`); in the
 * credentials file every section is a profile. Other sections (`[sso-session
 * x]`, `[services x]`) are not profiles.
 */
export function profileNames(text: string, kind: 'config' | 'credentials'): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(line);
    const section = match?.[1]?.trim();
    if (!section) continue;
    let name: string | undefined;
    if (kind === 'credentials') name = section;
    else if (section === 'default') name = section;
    else if (section.startsWith('profile ')) name = section.slice('profile '.length).trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Every profile of the shared config and credentials files, config file
 * profiles first, like `aws configure list-profiles`. Honours
 * AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE; missing files count as empty.
 */
export function listProfiles(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const files: [string, 'config' | 'credentials'][] = [
    [env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'), 'config'],
    [env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'), 'credentials'],
  ];
  const names: string[] = [];
  for (const [path, kind] of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const name of profileNames(text, kind)) if (!names.includes(name)) names.push(name);
  }
  return names;
}
