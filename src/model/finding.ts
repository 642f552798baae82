/** What a check reports before positions are attached: where (a JSON Pointer) and what. */
export interface Finding {
  /** JSON Pointer of the offending node. */
  readonly pointer: string;
  readonly message: string;
  /** Point at the mapping key instead of the value (unknown keys, duplicate names). */
  readonly on?: 'key' | 'value';
  readonly hint?: string | undefined;
}
