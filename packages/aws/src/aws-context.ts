import type { AwsClients } from './aws-clients.ts';

/** What every collector of an AWS scope gets: where it runs and how to reach the APIs. */
export interface AwsScopeContext {
  readonly accountId: string;
  readonly accountName: string;
  /** The region of a regional scope; the home region (for global APIs) of the global scope. */
  readonly region: string;
  readonly clients: AwsClients;
}
