// Types of the standalone validator compiled by scripts/compile-schema.mjs.
import type { ErrorObject } from 'ajv';

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: CompiledValidator;
export default validate;
