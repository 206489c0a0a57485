// ---------------------------------------------------------------- Route 53

/** An alias target: an AWS resource (load balancer, S3 website, CloudFront) or another record of the zone. */
export interface AwsAliasTarget {
  /** The hosted zone of the target (the load balancer's canonical zone, or the record's own zone). */
  hostedZoneId: string;
  /** With the trailing dot, as Route 53 answers (`dualstack.` before a load balancer's name). */
  dnsName: string;
  evaluateTargetHealth: boolean;
}

/** A resource record set (ListResourceRecordSets). */
export interface AwsRecordSet {
  /** Fully qualified, with the trailing dot. */
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA' | 'MX' | 'TXT';
  /** Weighted, latency, failover ... routing: the record's identifier among the sets of the same name and type. */
  setIdentifier?: string;
  weight?: number;
  ttl?: number;
  /** The values (absent on an alias record). */
  resourceRecords?: string[];
  aliasTarget?: AwsAliasTarget;
}

/** A Route 53 hosted zone of an account (global). */
export interface AwsHostedZone {
  /** `Z` and 13 to 21 upper-case letters and digits (the API's Id is `/hostedzone/<id>`). */
  id: string;
  /** With the trailing dot (`example.com.`). */
  name: string;
  callerReference: string;
  comment?: string;
  privateZone: boolean;
  /** The VPCs a private zone is associated with. */
  vpcs: { vpcRegion: string; vpcId: string }[];
  /** The name servers of a public zone (its delegation set). */
  nameServers: string[];
  recordSets: AwsRecordSet[];
}
