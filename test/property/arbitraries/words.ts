/**
 * Vocabularies for names that pass msa-gen's naming rules: nouns that are no verb (aggregates,
 * read models), imperative verbs with their past participles (commands, events), field stems,
 * context labels and complaint-type qualifiers. Nouns and verbs are disjoint on purpose: a
 * command whose first word is a word of an aggregate's name reads as a noun (MSA104).
 */

/** Singular nouns, none of them a verb of VERBS and none a global the generated code uses. */
export const NOUNS = [
  'Application',
  'Applicant',
  'Appointment',
  'Benefit',
  'Certificate',
  'Citizen',
  'Complaint',
  'Consultation',
  'Dossier',
  'Household',
  'Inspection',
  'Invoice',
  'Ledger',
  'Licence',
  'Parcel',
  'Passport',
  'Payment',
  'Pension',
  'Property',
  'Registration',
  'Subsidy',
  'Vehicle',
  'Voucher',
  'Warranty',
] as const;

/** Imperative verb → past participle (regular and irregular). */
export const VERBS: ReadonlyArray<readonly [verb: string, participle: string]> = [
  ['Submit', 'Submitted'],
  ['Issue', 'Issued'],
  ['Cancel', 'Cancelled'],
  ['Approve', 'Approved'],
  ['Reject', 'Rejected'],
  ['Register', 'Registered'],
  ['Notify', 'Notified'],
  ['Verify', 'Verified'],
  ['Revoke', 'Revoked'],
  ['Renew', 'Renewed'],
  ['Archive', 'Archived'],
  ['Assign', 'Assigned'],
  ['Close', 'Closed'],
  ['Publish', 'Published'],
  ['Schedule', 'Scheduled'],
  ['Confirm', 'Confirmed'],
  ['Withdraw', 'Withdrawn'],
  ['Pay', 'Paid'],
  ['Send', 'Sent'],
  ['Suspend', 'Suspended'],
  ['Complete', 'Completed'],
  ['Accept', 'Accepted'],
  ['Decline', 'Declined'],
  ['Escalate', 'Escalated'],
  ['Deliver', 'Delivered'],
  ['Dispatch', 'Dispatched'],
  ['Lodge', 'Lodged'],
  ['Inspect', 'Inspected'],
  ['Reopen', 'Reopened'],
  ['Transfer', 'Transferred'],
  ['Write', 'Written'],
  ['Reimburse', 'Reimbursed'],
];

/** Complaint-type qualifiers (platform.naming.eventQualifiers). */
export const QUALIFIERS = ['General', 'Car', 'Building', 'Major', 'Online'] as const;

/** camelCase field names with the type they usually have. */
export const FIELD_STEMS: ReadonlyArray<readonly [name: string, type: string]> = [
  ['citizenId', 'string'],
  ['applicantName', 'string'],
  ['reason', 'text'],
  ['comment', 'text'],
  ['amount', 'money'],
  ['quantity', 'int'],
  ['score', 'number'],
  ['urgent', 'boolean'],
  ['referenceId', 'uuid'],
  ['dueDate', 'date'],
  ['submittedAt', 'datetime'],
  ['documentUrl', 'url'],
  ['contactEmail', 'email'],
  ['status', 'enum'],
  ['channel', 'enum'],
  ['scan', 'binary'],
  ['attachment', 'file'],
  ['plateNumber', 'string'],
  ['siteAddress', 'string'],
  ['floorArea', 'number'],
];

/** Context names: DNS-1123 labels an event-storming board would use. */
export const CONTEXT_LABELS = [
  'application',
  'issuance',
  'payment',
  'notification',
  'lookup',
  'inspection',
  'registry',
  'linkage',
  'guidance',
  'billing',
  'case-intake',
  'permit-office',
] as const;

/** Read-model suffixes: singular nouns. */
export const VIEW_SUFFIXES = ['Result', 'Status', 'Summary', 'Overview', 'View'] as const;

/** External-system suffixes. */
export const EXTERNAL_SUFFIXES = ['System', 'Registry', 'Gateway', 'Center'] as const;

/** Saga suffixes. */
export const SAGA_SUFFIXES = ['Processing', 'Lifecycle', 'Handling'] as const;

/** Actors (free text in the schema; people's roles in practice). */
export const ACTORS = ['Citizen', 'Administrator', 'Officer', 'Inspector', 'Clerk'] as const;

/** Platform names. */
export const PLATFORM_NAMES = ['gov24', 'permits', 'dmv', 'tax-office', 'city-hall', 'benefits'] as const;

/** Enum values. */
export const ENUM_VALUES = ['Received', 'Issued', 'Cancelled', 'Pending', 'KakaoTalk', 'Sms', 'Email', 'New', 'Transfer'] as const;

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `SiteAddress` → `site-address`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}

/** A naive English plural for route collections. */
export function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
