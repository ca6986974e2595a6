import { type Code, type CodeDetails } from "./data.js";
/** Who is at fault for an error. */
export type Fault = "client" | "server" | "none";
/** Whether a code is an error, a success, an operation still running or a warning. */
export type Kind = "error" | "success" | "pending" | "warning";
/** How long to wait between attempts: `initialMs * factor^(n-1)`, capped. */
export interface Backoff {
    readonly initialMs: number;
    readonly factor: number;
    readonly maxDelayMs: number;
    readonly jitter: "none" | "full" | "equal";
    readonly maxAttempts: number;
}
/**
 * A retry policy of the catalog. `operation`: not this call; retry the whole
 * operation (a transaction) with the backoff. `idempotentOnly`: retry only
 * requests that are safe to repeat.
 */
export type RetryPolicy = ({
    readonly strategy: "never";
} | ({
    readonly strategy: "backoff";
} & Backoff) | {
    readonly strategy: "after_header";
    readonly maxWaitMs: number;
    readonly fallback: Backoff;
} | ({
    readonly strategy: "operation";
} & Partial<Backoff>)) & {
    readonly idempotentOnly?: boolean;
};
/** What the catalog says about one code. */
export interface CodeFacts {
    /** Its snake_case name: the condition name of an identity (`unique_violation` for `23505`), else the code. */
    readonly name: string;
    readonly status: number;
    readonly numeric: number | null;
    readonly kind: Kind;
    readonly fault: Fault;
    /** The id of its category, or null in a catalog without categories. */
    readonly category: string | null;
    readonly type: string;
    readonly title: string;
    readonly message: string;
    readonly docsUrl: string;
    readonly sdkException: string | null;
    readonly retry: string;
    readonly envelope: EnvelopeStyle;
    /** The gRPC canonical code, such as `"UNAVAILABLE"`. */
    readonly grpc: string;
    readonly params: readonly string[];
    /** Each param's declared type, such as `"u32"`, in the order of `params`. */
    readonly paramTypes: readonly string[];
}
/** What the catalog says about one category. */
export interface CategoryFacts {
    readonly title: string;
    /** Who is at fault for its codes, unless a code says otherwise. */
    readonly fault: Fault;
    /** Its envelope `type`. */
    readonly type: string;
    /** The start its codes' identities share, when it is a prefix class (`"22"`). */
    readonly prefix: string | null;
    /** The code an unknown identity of its class reads as. */
    readonly generic: Code | null;
    /** Its codes, in catalog order. */
    readonly codes: readonly Code[];
}
/** Telemetry attribute names (`error.type`, `errcat.fault`, ...) to their values. */
export type TelemetryLabels = Readonly<Record<string, string | boolean>>;
/** The JSON shapes of an error body. */
export type EnvelopeStyle = "nested" | "problem" | "detail" | "google" | "jsonapi" | "graphql";
/** What a wire field holds when the error has no value for it (errcat-runtime's `Fallback`). */
export type WireFallback = {
    readonly member: string;
} | {
    readonly text: string;
};
/**
 * A field of a style, from errcat-runtime's table: member, snake_case and
 * camelCase names, where it sits, its JSON type, and its fallback.
 */
export type WireField = readonly [string, string, string, string, string, WireFallback | null];
/** Response headers: fetch's `Headers`, a `Map`, name/value pairs or a record. */
export type HeaderInput = Iterable<readonly [string, string]> | {
    forEach(callback: (value: string, name: string) => void): void;
} | Readonly<Record<string, string>>;
/** What a catalog error carries besides its code. */
export interface ErrorOptions {
    readonly message?: string;
    readonly status?: number;
    readonly param?: string | null;
    readonly requestId?: string | null;
    readonly retryAfterMs?: number | null;
    readonly details?: Readonly<Record<string, unknown>>;
    readonly localized?: LocalizedText | null;
}
/** A message for users in one locale (AIP-193's `LocalizedMessage`). */
export interface LocalizedText {
    readonly locale: string;
    readonly message: string;
}
declare const BRAND: unique symbol;
/** The class an error is (its SDK exception's), kept on the instance. */
declare const CLASS: unique symbol;
/**
 * An error of this catalog. `instanceof` works across duplicated copies of
 * this module (a brand, not the prototype chain, decides), and so does
 * `error.name`, which is the code's SDK exception when it has one.
 */
export declare class CatalogError extends Error {
    /** The code, or `null` for one this catalog does not have. */
    readonly code: Code | null;
    /** The code as the wire said it. */
    readonly wireCode: string;
    readonly status: number;
    readonly param: string | null;
    readonly requestId: string | null;
    /** The server's advised wait (`Retry-After`), if it gave one. */
    readonly retryAfterMs: number | null;
    readonly details: Readonly<Record<string, unknown>>;
    /** The message for users a Google body carried beside its developer message (`LocalizedMessage`), if any. */
    readonly localized: LocalizedText | null;
    /** The SDK exception the catalog names for the code, if any. */
    readonly className: string | null;
    readonly [BRAND]: true;
    readonly [CLASS]: string | null;
    /** Set on the subclass of an SDK exception. */
    static readonly sdkClass: string | undefined;
    constructor(code: Code | null, wireCode: string, options?: ErrorOptions);
    static [Symbol.hasInstance](value: unknown): boolean;
    /** What the catalog says about the code (`null` if unknown). */
    get facts(): CodeFacts | null;
    /** Where the code is documented (`null` if unknown). */
    get docsUrl(): string | null;
    /** The gRPC canonical code: the code's, else the HTTP status's. */
    get grpcCode(): string;
    /** Who is at fault: the code's, else by HTTP status class (4xx client, 5xx server), as errcat-runtime's `Fault::of_status`. */
    get fault(): Fault;
    /** The code's retry policy, or one from the HTTP status for unknown codes. */
    get retryPolicy(): RetryPolicy;
    /** True when the policy allows any retry of this call. */
    get retryable(): boolean;
    /**
     * The telemetry labels of this error, as errcat-runtime's
     * `Error::telemetry`: OpenTelemetry's `error.type` (the code, or `_OTHER`
     * when the catalog does not know it), then category, fault and
     * retryability; every value from the catalog, so metrics stay bounded.
     */
    telemetryLabels(): TelemetryLabels;
    /** True when only idempotent requests are retried (see `retryDelay`). */
    get requiresIdempotent(): boolean;
    /** The backoff for retrying the whole operation, when that is the advice. */
    get operationBackoff(): Backoff | null;
    /** The least and the most delay after `attempt` failed attempts, or `null` to stop. */
    delayBounds(attempt: number): readonly [number, number] | null;
    /**
     * How long to wait after `attempt` failed attempts, or `null` to give up.
     * Pass `idempotent: true` for a request that is safe to repeat: a policy
     * that retries only those gives up otherwise.
     */
    retryDelay(attempt: number, random?: () => number, idempotent?: boolean): number | null;
    /**
     * The message in the locale `tag` names (`fr-CH` falls back to `fr`,
     * then to the default), rendered with this error's details and that
     * locale's plural rules; the message as it is for an error that did not
     * come from its code's template (`create`), or a locale the catalog
     * lacks. As errcat-runtime's `Error::message_in`.
     */
    messageIn(tag: string): string;
    /** The code's title in the locale `tag` names, as `messageIn` finds it. */
    titleIn(tag: string): string | null;
    /** The error as the catalog's envelope, for sending. */
    toJSON(): Record<string, unknown>;
}
/** The gRPC code of an HTTP status, as errcat-runtime maps it. */
export declare function grpcForStatus(status: number): string;
/** True for an error of this catalog, from any copy of this module. */
export declare function isCatalogError(value: unknown): value is CatalogError;
/** True for an error of this catalog with `code`; its `details` are then typed. */
export declare function hasCode<C extends Code>(value: unknown, code: C): value is CatalogError & {
    readonly code: C;
    readonly details: Readonly<CodeDetails[C]>;
};
/**
 * The code with this name, wire name or alias (or numeric code, as text);
 * ignoring ASCII case when the catalog says lookups do.
 */
export declare function lookup(name: string): Code | null;
/**
 * Every code that answers to `name`: all the codes that share it as their
 * condition name, in catalog order (as PL/pgSQL catches `01004` and `22001`
 * by `string_data_right_truncation`), else the one `lookup` finds.
 * `lookup` finds no shared name.
 */
export declare function named(name: string): readonly Code[];
/**
 * The code a client reading `identity` means: `lookup`, else the generic
 * code of its prefix class, by the longest prefix it starts with. With an
 * identity pattern, a string that cannot be an identity has no class.
 */
export declare function resolve(identity: string): Code | null;
/** The code with this numeric code. */
export declare function fromNumeric(numeric: number): Code | null;
/** What the catalog says about `code`. */
export declare function facts(code: Code): CodeFacts;
/** The category with this id, or this class prefix (`"22"`), as Rust's `Category::lookup`. */
export declare function category(key: string): CategoryFacts | null;
/** An error of `code`, its message rendered from `params`. */
export declare function create(code: Code, params?: Readonly<Record<string, unknown>>, options?: ErrorOptions): CatalogError;
/**
 * Renders a message template as errcat-runtime's `template::render` does:
 * `{name}` placeholders, `{{`/`}}` literal braces, and ICU plural and
 * select choices (`{n, plural, one {# file} other {# files}}`), plural
 * arms chosen by `plurals`, a locale's CLDR rules (the default locale's
 * unless given). A template that does not parse is rendered flat: each
 * well-formed `{name}` filled, every other brace kept as written.
 */
export declare function renderTemplate(template: string, params: Readonly<Record<string, unknown>>, plurals?: string): string;
/**
 * The CLDR plural category (`one`, `few`, `other`, …) of a number as a
 * message shows it, under a locale's rules as errcat ships them; anything
 * that is not a plain decimal number takes `other`. As errcat-runtime's
 * `plural::category`.
 */
export declare function pluralCategory(rules: string, number: string): string;
/** The locale `tag` names (RFC 4647 lookup along its subtags), or `null`. */
export declare function findLocale(tag: string): number | null;
/**
 * The locale to answer an `Accept-Language` header in, as errcat-runtime's
 * `Locales::negotiate` chooses: by quality, then order, the first range
 * `findLocale` finds; the default locale's tag otherwise.
 */
export declare function negotiateLocale(acceptLanguage: string): string;
/**
 * Parses an HTTP error response, leniently and within bounds, as
 * errcat-runtime does: the nested envelope (snake or camel case), RFC 9457
 * problem details, `{"detail": ...}`, `{"error": "text"}`, numeric
 * `{"status": {"code": N}}` and Google's AIP-193 bodies. `Retry-After` and
 * `X-Request-Id` headers win over the body. Never throws.
 */
export declare function fromResponse(status: number, headers: HeaderInput, body: string | Uint8Array): CatalogError;
/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (0 if past). */
export declare function parseRetryAfter(value: string, nowMs: number): number | null;
/** The least and most delay after `attempt` failed attempts, or `null` to stop. */
export declare function delayBounds(policy: RetryPolicy, attempt: number, retryAfterMs: number | null): readonly [number, number] | null;
/** The policy for a code this module does not know, from the status class. */
export declare function policyForStatus(status: number): RetryPolicy;
/** A class of an SDK exception, as `errors.ts` defines them. */
export type CatalogErrorClass = new (code: Code | null, wireCode: string, options?: ErrorOptions) => CatalogError;
/**
 * Registers the SDK exception classes, so that parsed errors are instances
 * of their code's class. Called once by the generated `errors.ts`.
 * @internal
 */
export declare function registerClasses(classes: Readonly<Record<string, CatalogErrorClass>>): void;
export {};
