import { setTimeout as sleep } from 'node:timers/promises';
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type GetCredentialReportCommandOutput,
} from '@aws-sdk/client-iam';
import type { CollectContext } from '@skygraph/core';
import { parse } from 'csv-parse/sync';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { isoDate } from '../where.ts';
import { optionalCall } from './optional-call.ts';

/** One row of the credential report: the documented columns by name, as IAM writes the values. */
export type CredentialRow = Readonly<Record<string, string>>;

/**
 * The rows of a credential report (its CSV, decoded), keyed by ARN: the root
 * user's (`arn:aws:iam::<account>:root`) and each IAM user's. A row whose
 * cells do not line up with the header is left out rather than misread.
 */
export function parseCredentialReport(csv: string): Map<string, CredentialRow> {
  const [columns = [], ...lines] = parse(csv, {
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const rows = new Map<string, CredentialRow>();
  for (const values of lines) {
    if (values.length !== columns.length) continue;
    const row = Object.fromEntries(columns.map((name, i) => [name, values[i] ?? '']));
    if (row.arn) rows.set(row.arn, row);
  }
  return rows;
}

/** A report flag (`true`/`false`); `not_supported`, `N/A` and absent columns are unknown. */
export function reportFlag(value: string | undefined): boolean | undefined {
  const v = value?.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** A report date as the ISO string the graph stores; `N/A`, `no_information` and `not_supported` are no date. */
export function reportDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-/.test(value) ? isoDate(value) : undefined;
}

/** IAM asks callers to poll while it generates the report, which takes seconds. */
const FIRST_WAIT_MS = 100;
const LONGEST_WAIT_MS = 5_000;
const GIVE_UP_AFTER_MS = 120_000;
/** What GetCredentialReport answers while there is no fresh, finished report. */
const NOT_READY = new Set([
  'CredentialReportNotReadyException',
  'CredentialReportNotPresentException',
  'CredentialReportExpiredException',
  'ReportInProgress',
  'ReportNotPresent',
  'ReportExpired',
]);

async function fetchReport(
  ctx: CollectContext<AwsScopeContext>,
): Promise<Map<string, CredentialRow> | undefined> {
  const iam = ctx.context.clients.iam(ctx.context.region);
  try {
    const started = Date.now();
    for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
      const generated = await optionalCall(ctx, 'iam:GenerateCredentialReport', () =>
        iam.send(new GenerateCredentialReportCommand({}), { abortSignal: requestSignal(ctx.signal) }),
      );
      if (generated.status !== 'ok') return undefined;
      if (generated.value.State === 'COMPLETE') {
        const got = await optionalCall(ctx, 'iam:GetCredentialReport', () =>
          iam
            .send(new GetCredentialReportCommand({}), { abortSignal: requestSignal(ctx.signal) })
            .catch((error: unknown): GetCredentialReportCommandOutput | undefined => {
              // Expired or replaced between the two calls: generate again.
              if (error instanceof Error && NOT_READY.has(error.name)) return undefined;
              throw error;
            }),
        );
        if (got.status !== 'ok') return undefined;
        if (got.value?.Content) return parseCredentialReport(Buffer.from(got.value.Content).toString('utf8'));
      }
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        ctx.log.warn(
          { account: ctx.context.accountId },
          'the IAM credential report was not ready in time; credential details are left unknown',
        );
        return undefined;
      }
      await sleep(wait, undefined, { signal: ctx.signal });
    }
  } finally {
    iam.destroy();
  }
}

/** One report per scope: the users and the account collectors both read it. */
const reports = new WeakMap<AwsScopeContext, Promise<Map<string, CredentialRow> | undefined>>();

/**
 * The account's credential report (GenerateCredentialReport, polled until
 * complete, then GetCredentialReport), fetched once per scope and shared by
 * the collectors that read it; undefined when the audit role may not read it
 * (one warning).
 */
export function credentialReport(
  ctx: CollectContext<AwsScopeContext>,
): Promise<Map<string, CredentialRow> | undefined> {
  let report = reports.get(ctx.context);
  if (!report) {
    report = fetchReport(ctx);
    reports.set(ctx.context, report);
  }
  return report;
}
