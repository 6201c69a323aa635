/**
 * Helpers over the generated API contract (schema.d.ts, from the server's zod schemas). Feature
 * api.ts files name their types from here instead of copying interfaces by hand:
 *
 *   export type Customer = ApiResponse<'/api/customers/{id}'>;
 *   export type CustomerListItem = ApiItem<'/api/customers'>;
 *   export type CustomerInput = ApiBody<'/api/customers', 'post'>;
 */
import type { paths } from './schema';

export type { paths };
export type ApiPath = keyof paths;
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The paths that have a route for method M. */
export type PathWith<M extends ApiMethod> = { [P in ApiPath]: M extends keyof paths[P] ? P : never }[ApiPath];
type Op<P extends ApiPath, M extends ApiMethod> = M extends keyof paths[P] ? paths[P][M] : never;

/** What the caller sends: { path?, query?, body? } as the server declares them (zod input types). */
export type ApiRequest<P extends ApiPath, M extends ApiMethod = 'get'> = Op<P, M> extends { request: infer R } ? R : never;
/** The JSON the route answers with (zod output type of its success response). */
export type ApiResponse<P extends ApiPath, M extends ApiMethod = 'get'> = Op<P, M> extends { response: infer R } ? R : never;
export type ApiQuery<P extends ApiPath, M extends ApiMethod = 'get'> = ApiRequest<P, M> extends { query?: infer Q } ? NonNullable<Q> : never;
export type ApiBody<P extends ApiPath, M extends ApiMethod = 'post'> = ApiRequest<P, M> extends { body?: infer B } ? B : never;
/** One element of a list response: an array, or a page `{ items: [...] }`. */
export type ApiItem<P extends ApiPath, M extends ApiMethod = 'get'> = ElementOf<ApiResponse<P, M>>;
export type ElementOf<T> = T extends readonly (infer I)[] ? I : T extends { items: readonly (infer I)[] } ? I : never;

/** The rest-arguments of a client call: `init` may be left out when nothing in it is required. */
export type Init<P extends ApiPath, M extends ApiMethod> = Record<never, never> extends ApiRequest<P, M> ? [init?: ApiRequest<P, M>] : [init: ApiRequest<P, M>];
