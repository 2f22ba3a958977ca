/**
 * A compile-time check that a zod schema's output and a hand-written type are the same shape, so a
 * type the published declarations carry without zod cannot drift from the schema that validates it.
 */

/** Readonly all the way down, so a frozen type and a parsed value compare by shape alone. */
type Frozen<T> = T extends string | number | boolean | undefined | null
  ? T
  : T extends readonly (infer U)[]
    ? readonly Frozen<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Frozen<T[K]> }
      : T;
/** Identical, not merely assignable: an optional key present on one side only also fails. */
export type Same<A, B> = (<T>() => T extends Frozen<A> ? 1 : 2) extends <T>() => T extends Frozen<B> ? 1 : 2 ? true : false;
/** Fails to type-check unless its argument is `true`. */
export function same<_T extends true>(): void {}
