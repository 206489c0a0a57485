/**
 * An error the emulated API answers with. Handlers throw it; the server renders
 * it in the wire format of the service's protocol.
 */
export class AwsApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Extra elements some protocols carry (S3 `BucketName`, for instance). */
  readonly extra: Record<string, string>;

  constructor(code: string, message: string, status = 400, extra: Record<string, string> = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}
