/**
 * What a check reports before positions are attached: where (a JSON Pointer), which of its
 * rule's messages, and the data for that message's holes. Rules report the typed form
 * (`FindingOf` in rules/rule.ts); this is the same finding with the rule's types erased.
 */
export interface Finding {
  /** JSON Pointer of the offending node. */
  readonly pointer: string;
  /** Point at the mapping key instead of the value (unknown keys, duplicate names). */
  readonly on?: 'key' | 'value';
  /** The id of one of the rule's messages. */
  readonly messageId: string;
  /** A value for each hole of the message's templates. */
  readonly data?: Readonly<Record<string, string | number>> | undefined;
}
