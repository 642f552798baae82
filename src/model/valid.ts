/**
 * The IR of a model `validate` found no errors in. Every reference resolves there, and every
 * aggregate has its key: the rules guarantee it (MSA202–MSA205, MSA208). Only validation makes a
 * ValidModel (validate.ts), and the generators take nothing else, so they carry no "cannot
 * happen" branches for unresolved names.
 *
 * The element types keep the IR's names (Command, Context…), resolved: a generator imports them
 * from here instead of ir.ts.
 */
import type * as IR from './ir.js';

declare const validated: unique symbol;

/** An IR type with every `Ref.target` present and every aggregate keyed, all the way down. */
export type Resolved<T> = T extends IR.Ref<infer U>
  ? { readonly name: string; readonly pointer: string; readonly target: Resolved<U> }
  : T extends string | number | boolean | bigint | symbol | null | undefined
    ? T
    : T extends ReadonlyMap<infer K, infer V>
      ? ReadonlyMap<K, V>
      : T extends readonly (infer E)[]
        ? readonly Resolved<E>[]
        : T extends IR.Aggregate
          ? { readonly [K in keyof T]: K extends 'key' ? Resolved<IR.Field> : Resolved<T[K]> }
          : { readonly [K in keyof T]: Resolved<T[K]> };

export type ValidModel = Resolved<IR.Model> & { readonly [validated]: true };

export type Aggregate = Resolved<IR.Aggregate>;
export type Call = Resolved<IR.Call>;
export type Command = Resolved<IR.Command>;
export type Context = Resolved<IR.Context>;
export type Event = Resolved<IR.Event>;
export type External = Resolved<IR.External>;
export type Field = Resolved<IR.Field>;
export type HttpRoute = Resolved<IR.HttpRoute>;
export type Policy = Resolved<IR.Policy>;
export type ReadModel = Resolved<IR.ReadModel>;
export type Saga = Resolved<IR.Saga>;
export type SagaStep = Resolved<IR.SagaStep>;
export type Topic = IR.Topic;
export type FieldType = IR.FieldType;
export type RetrySettings = IR.RetrySettings;
export type Model = ValidModel;

/**
 * The model as valid: for validate.ts alone, once every rule has run and none reported an
 * error. The IR object is the same; only its type says more.
 */
export function asValid(model: IR.Model): ValidModel {
  return model as unknown as ValidModel;
}
