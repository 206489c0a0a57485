/**
 * The commands as functions, for a service that runs them in its own process
 * (a scheduler, a wrapper with its own flags). Each takes the arguments after
 * the command name, uses the process's standard streams and environment, and
 * resolves to the exit code the executable would have. Unlike the
 * executables they install no signal handlers: pass `signal` to cancel.
 *
 * @example
 * import { collect } from '@skygraph/sdk/cli';
 * process.exitCode = await collect(['--providers', 'aws', '--aws-regions', 'eu-west-1']);
 */
export { EXIT } from './cli-io.ts';
export { collect } from './collect-main.ts';
export { skygraph } from './skygraph-main.ts';
