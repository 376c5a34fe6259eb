/**
 * The inputs a resource echoes back as outputs, typed from its args interface: the provider records every declared
 * input in its outputs (`provider/resources/state.ts` `pickInputs`), so `warm.domain` or `warm.zoneId` can feed other
 * resources and stack outputs the same way `status` does.
 */
import type * as pulumi from "@pulumi/pulumi";

/** True when `K` is an optional member of `A`. */
type IsOptional<A, K extends keyof A> = {} extends Pick<A, K> ? true : false;

/**
 * The plain value of an input (what the provider received), `undefined` when an optional input was not set. An input
 * of any value (`triggers`) stays `unknown`: `pulumi.Unwrap<unknown>` would narrow it.
 */
type EchoedValue<A, K extends keyof A> = unknown extends A[K] ? unknown
  : IsOptional<A, K> extends true ? pulumi.Unwrap<Exclude<A[K], undefined>> | undefined : pulumi.Unwrap<A[K]>;

/**
 * One output per input of `A`, with the input's documentation. `progressLabel` is always set (it defaults to the
 * resource name), so its output is never `undefined`.
 */
export type EchoedOutputs<A extends { progressLabel?: unknown }> =
  { readonly [K in Exclude<keyof A, "progressLabel">]-?: pulumi.Output<EchoedValue<A, K>> } &
  { /** Name used in progress lines: the `progressLabel` input, or the resource name. */ readonly progressLabel: pulumi.Output<string> };

/**
 * The input names of an args interface as a runtime list. Taking a `Record` over every key makes the compiler refuse
 * a list that misses an input or names one the interface does not have.
 */
export function echoedNames<A>(keys: Record<keyof A, true>): (keyof A & string)[] {
  return Object.keys(keys) as (keyof A & string)[];
}

/**
 * Seeds every echoed input as `undefined` so Pulumi creates its output property even when the input is not set
 * (an output is surfaced only for the keys the resource registers, pulumi-dynamic-providers.md §2.9). `undefined`
 * values are never sent to the engine, so the provider's inputs are unchanged.
 */
export function echoSeeds(names: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(names.map((name) => [name, undefined]));
}
