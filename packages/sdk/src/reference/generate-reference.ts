import { awsSchemas } from '@skygraph/aws/schema';
import { coreOptions, type OptionSpec } from '@skygraph/core';
import * as gcpSchema from '@skygraph/gcp/schema';
import * as gsuiteSchema from '@skygraph/gsuite/schema';
import type { Command } from 'commander';
import { builtinCatalogue } from '../catalogue/index.ts';
import { allCollectOptions, buildCollectCommand } from '../cli/collect-command.ts';
import { PROVIDERS } from '../cli/provider-registry.ts';
import { skygraphProgram } from '../cli/skygraph-command.ts';
import { catalogueReference } from './catalogue-reference.ts';
import { optionsReference } from './cli-reference.ts';
import { schemaReference, schemasOf } from './schema-reference.ts';

const HEADER =
  'Generated from the code by `pnpm docs:generate`; do not edit. The tests fail when it is stale.';

/** Every generated reference page: path under docs/ -> content. */
export function generateReference(): Record<string, string> {
  return {
    'reference/schema.md': [
      '# Graph schema reference',
      '',
      HEADER,
      'Every node also has `firstseen`, `lastupdated` and `skygraph_hash`; every relationship has `firstseen` and `lastupdated` (see [concepts](../concepts.md)).',
      '',
      schemaReference('AWS', schemasOf(Object.fromEntries(awsSchemas.map((s) => [s.label, s])))),
      schemaReference('GCP', schemasOf(gcpSchema)),
      schemaReference('Google Workspace', schemasOf(gsuiteSchema)),
    ].join('\n'),
    'reference/cli.md': cliReference(),
    'reference/catalogue.md': catalogueReference(builtinCatalogue.queries),
  };
}

function cliReference(): string {
  const collectSpecs = allCollectOptions(PROVIDERS);
  const own = (group: (spec: OptionSpec) => boolean) =>
    Object.fromEntries(Object.entries(collectSpecs).filter(([, spec]) => group(spec)));
  const providerFlags = new Set(PROVIDERS.flatMap((p) => Object.keys(p.options)));
  // A fixed width, so the page does not depend on the terminal it was generated in.
  const program = fixedWidth(skygraphProgram());
  const collect = fixedWidth(buildCollectCommand(PROVIDERS));
  return [
    '# CLI reference',
    '',
    HEADER,
    'Every option can be given as a flag, as an environment variable, or in the file `--config` names (YAML or JSON, keyed by',
    'the config key or the flag name). Flags win over the environment, which wins over the file.',
    '',
    '## collect',
    '',
    '```text',
    collect.helpInformation().trimEnd(),
    '```',
    '',
    optionsReference(
      'collect: engine and run options',
      own(
        (spec) =>
          Object.values(coreOptions).includes(spec as never) ||
          ['demo', 'dry-run', 'demo-report'].includes(spec.flag),
      ),
    ),
    ...PROVIDERS.map((provider) => optionsReference(`collect: ${provider.name} options`, provider.options)),
    optionsReference(
      'collect: other options',
      Object.fromEntries(
        Object.entries(collectSpecs).filter(
          ([key, spec]) =>
            !providerFlags.has(key) &&
            !Object.values(coreOptions).includes(spec as never) &&
            !['demo', 'dry-run', 'demo-report'].includes(spec.flag),
        ),
      ),
    ),
    '## skygraph',
    '',
    '```text',
    program.helpInformation().trimEnd(),
    '```',
    '',
    ...program.commands.flatMap((command) => [
      `### skygraph ${command.name()}`,
      '',
      '```text',
      command.helpInformation().trimEnd(),
      '```',
      '',
      ...command.commands.flatMap((sub) => [
        `#### skygraph ${command.name()} ${sub.name()}`,
        '',
        '```text',
        sub.helpInformation().trimEnd(),
        '```',
        '',
      ]),
    ]),
  ].join('\n');
}

function fixedWidth(command: Command): Command {
  command.configureHelp({ helpWidth: 120 });
  for (const sub of command.commands) fixedWidth(sub);
  return command;
}
