import type { AwsApiError } from './api-error.ts';
import type { AwsServiceName } from './request-context.ts';
import { el, esc, XML_DECLARATION } from './xml.ts';

/** The wire protocol each service speaks. */
export type Protocol = 'query' | 'ec2' | 'json' | 's3' | 'rest-json' | 'rest-xml';

/** The JSON-speaking protocols (AWS JSON 1.0/1.1 and REST-JSON), which answer errors alike. */
export function isJson(protocol: Protocol): boolean {
  return protocol === 'json' || protocol === 'rest-json';
}

/** The protocols of the services served before the registry (services.ts); registered ones name their own. */
export const PROTOCOL_OF: Partial<Record<AwsServiceName, Protocol>> = {
  sts: 'query',
  iam: 'query',
  rds: 'query',
  elb: 'query',
  elbv2: 'query',
  ec2: 'ec2',
  organizations: 'json',
  s3: 's3',
  kms: 'json',
  secretsmanager: 'json',
  cloudtrail: 'json',
};

export const XML_NAMESPACES: Partial<Record<AwsServiceName, string>> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  elb: 'http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/',
  elbv2: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  organizations: '',
  s3: 'http://s3.amazonaws.com/doc/2006-03-01/',
  kms: '',
  secretsmanager: '',
  cloudtrail: '',
  sns: 'http://sns.amazonaws.com/doc/2010-03-31/',
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  route53: 'https://route53.amazonaws.com/doc/2013-04-01/',
  s3control: 'http://awss3control.amazonaws.com/doc/2018-08-20/',
};

/** API versions of the Query services, which route Query requests without a signature. */
export const QUERY_VERSIONS: Record<string, AwsServiceName> = {
  '2011-06-15': 'sts',
  '2010-05-08': 'iam',
  '2014-10-31': 'rds',
  '2012-06-01': 'elb',
  '2015-12-01': 'elbv2',
  '2016-11-15': 'ec2',
};

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function queryResponse(
  service: AwsServiceName,
  action: string,
  result: string,
  requestId: string,
): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `${XML_DECLARATION}<${action}Response xmlns="${XML_NAMESPACES[service]}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function ec2Response(action: string, body: string, requestId: string): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body: `${XML_DECLARATION}<${action}Response xmlns="${XML_NAMESPACES.ec2}"><requestId>${requestId}</requestId>${body}</${action}Response>`,
  };
}

/** An AWS JSON 1.1 (or, with `version`, 1.0) answer. */
export function jsonResponse(
  value: unknown,
  requestId: string,
  version: '1.0' | '1.1' = '1.1',
): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amzn-requestid': requestId },
    body: JSON.stringify(value),
  };
}

/** A REST-JSON answer (Lambda, EKS, GuardDuty): the status the operation documents, a JSON body. */
export function restJsonResponse(value: unknown, requestId: string, status = 200): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: status === 204 ? '' : JSON.stringify(value),
  };
}

/** A REST-XML answer (Route 53, S3 Control): `body` is the document inside the root element. */
export function restXmlResponse(
  service: AwsServiceName,
  root: string,
  body: string,
  requestId: string,
): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `${XML_DECLARATION}<${root} xmlns="${XML_NAMESPACES[service] ?? ''}">${body}</${root}>`,
  };
}

/** An error in the format of the protocol (Query ErrorResponse, EC2 Response/Errors, JSON __type, S3 Error). */
export function errorResponse(
  protocol: Protocol,
  service: AwsServiceName,
  error: AwsApiError,
  requestId: string,
): WireResponse {
  switch (protocol) {
    case 'ec2':
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body: `${XML_DECLARATION}<Response><Errors><Error>${el('Code', error.code)}${el('Message', error.message)}</Error></Errors>${el('RequestID', requestId)}</Response>`,
      };
    case 'rest-json':
      return {
        status: error.status,
        headers: {
          'content-type': 'application/json',
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': error.code,
        },
        body: JSON.stringify({ message: error.message }),
      };
    case 'json':
      return {
        status: error.status,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': error.code,
        },
        body: JSON.stringify({ __type: error.code, Message: error.message }),
      };
    case 's3': {
      let extra = '';
      for (const [k, v] of Object.entries(error.extra)) extra += el(k, v);
      return {
        status: error.status,
        headers: {
          'content-type': 'application/xml',
          'x-amz-request-id': requestId,
          'x-amz-id-2': hostId(requestId),
        },
        body: `${XML_DECLARATION}<Error>${el('Code', error.code)}${el('Message', error.message)}${extra}${el('RequestId', requestId)}${el('HostId', hostId(requestId))}</Error>`,
      };
    }
    default: {
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: `${XML_DECLARATION}<ErrorResponse xmlns="${esc(XML_NAMESPACES[service] ?? '')}"><Error><Type>${type}</Type>${el('Code', error.code)}${el('Message', error.message)}</Error>${el('RequestId', requestId)}</ErrorResponse>`,
      };
    }
  }
}

export function hostId(requestId: string): string {
  return Buffer.from(`${requestId}/skygraph-emulator`).toString('base64');
}
