import type { OptionSpec } from '@skygraph/core';
import { type Command, Option } from 'commander';

/**
 * Adds option specs to a command. Commander gets no defaults: a flag left
 * out stays undefined so the environment and the config file can apply,
 * and zod supplies the defaults after that.
 */
export function registerOptions(command: Command, specs: Record<string, OptionSpec>): void {
  for (const [key, spec] of Object.entries(specs)) {
    const valueName = spec.kind === 'boolean' ? '' : ` ${spec.valueName ?? '<value>'}`;
    const option = new Option(`--${spec.flag}${valueName}`, spec.description);
    command.addOption(option);
    // Commander names the value after the flag; specs are keyed the same way.
    if (option.attributeName() !== key) throw new Error(`option key ${key} does not match --${spec.flag}`);
  }
}

/** The flag values commander parsed, keyed by config key. */
export function flagValues(command: Command, specs: Record<string, OptionSpec>): Record<string, unknown> {
  const parsed = command.opts();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(specs)) {
    if (parsed[key] !== undefined) out[key] = parsed[key];
  }
  return out;
}
