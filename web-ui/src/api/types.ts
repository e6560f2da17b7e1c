/**
 * The API's types, taken from the OpenAPI document the server serves (openapi/canvass.json, generated into
 * schema.d.ts by `npm run api:types`). A feature names what it reads and sends through these, never by hand, so
 * that a field renamed or retyped in the API fails `tsc --noEmit` wherever the PWA uses it.
 */
import type { components, operations } from './schema';

/** A schema of the document, by its name there (e.g. `Schema<'CustomerSummary'>`). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** The operations of the document, by operationId (ResourceClass_method). */
export type OperationId = keyof operations;

type Json<M> = M extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/** The JSON body an operation answers with on success (200, else 201, else 202). */
export type Returns<O extends OperationId> = Json<Success<operations[O]['responses']>>;

/** The JSON body an operation takes. */
export type Body<O extends OperationId> = Json<NonNullable<operations[O]['requestBody']>>;

/**
 * `T` with the fields `K` always there. The document does not yet say which fields of an answer are always sent
 * (it has no `required`), so a feature lists the ones it relies on; a name not in the schema fails the type check.
 */
export type Always<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

/** An element of an array type (of an optional one too). */
export type Item<A> = NonNullable<A> extends readonly (infer E)[] ? E : never;

/**
 * `T` with some fields narrowed further, e.g. the fields of its array's items that are always there: each key of `R`
 * must be a field of `T`, and its type one that `T` allows.
 */
export type Refine<T, R extends { [P in keyof R]: P extends keyof T ? T[P] : never }> = Omit<T, keyof R> & R;

/** `T` whose fields `K` may also be null: answers the server sends with nulls that the document does not mark nullable yet. */
export type OrNull<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

/**
 * A list answer of an operation, its items typed as `T`: a bare array or a page (`items`, `nextCursor`), whichever
 * the document says, so that a list changing its shape fails the type check where it is read.
 */
export type ListOf<O extends OperationId, T> = Returns<O> extends readonly unknown[] ? T[] : Omit<Returns<O>, 'items'> & { items: T[] };
