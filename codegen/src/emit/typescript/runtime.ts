// The runtime of a generated errcat client: the same rules as
// errcat-runtime, in TypeScript, with no dependencies. It is the same file
// for every catalog; the catalog itself is `data.ts` beside it, and
// `errors.ts` adds the classes and typed constructors. errcat ships it
// compiled too (runtime.js, runtime.d.ts), so the package needs no build.

import {
  CASE_INSENSITIVE,
  CATALOG_NAME,
  CATEGORIES,
  CODE_CLASS,
  CODES,
  type Code,
  type CodeDetails,
  DOMAIN,
  ENVELOPE,
  GRPC_BY_STATUS,
  IDENTITY_PATTERN,
  LIMITS,
  LOCALES,
  NAMES,
  NUMERIC,
  OUTER_REQUEST_ID,
  POLICIES,
  PREFIX_CLASSES,
  REQUEST_ID_HEADER,
  SHARED_NAMES,
  STATUS_POLICIES,
  TELEMETRY,
  TRANSLATIONS,
  WIRE,
} from "./data.js";

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
export type RetryPolicy = (
  | { readonly strategy: "never" }
  | ({ readonly strategy: "backoff" } & Backoff)
  | { readonly strategy: "after_header"; readonly maxWaitMs: number; readonly fallback: Backoff }
  | ({ readonly strategy: "operation" } & Partial<Backoff>)
) & { readonly idempotentOnly?: boolean };
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
export type WireFallback = { readonly member: string } | { readonly text: string };

/**
 * A field of a style, from errcat-runtime's table: member, snake_case and
 * camelCase names, where it sits, its JSON type, and its fallback.
 */
export type WireField = readonly [string, string, string, string, string, WireFallback | null];
/** Response headers: fetch's `Headers`, a `Map`, name/value pairs or a record. */
export type HeaderInput =
  | Iterable<readonly [string, string]>
  | { forEach(callback: (value: string, name: string) => void): void }
  | Readonly<Record<string, string>>;
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

const BRAND: unique symbol = Symbol.for(`errcat.error:${CATALOG_NAME}`);
/** Set on an error whose message its code's template rendered (`create`). */
const TEMPLATED: unique symbol = Symbol.for(`errcat.templated:${CATALOG_NAME}`);
/** The class an error is (its SDK exception's), kept on the instance. */
const CLASS: unique symbol = Symbol.for(`errcat.class:${CATALOG_NAME}`);

/**
 * An error of this catalog. `instanceof` works across duplicated copies of
 * this module (a brand, not the prototype chain, decides), and so does
 * `error.name`, which is the code's SDK exception when it has one.
 */
export class CatalogError extends Error {
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
  declare readonly [BRAND]: true;
  declare readonly [CLASS]: string | null;
  /** Set on the subclass of an SDK exception. */
  static readonly sdkClass: string | undefined = undefined;

  constructor(code: Code | null, wireCode: string, options: ErrorOptions = {}) {
    const facts = code === null ? null : CODES()[code];
    super(options.message ?? facts?.title ?? `HTTP ${options.status ?? 500}`);
    this.code = code;
    this.wireCode = wireCode;
    this.status = options.status ?? facts?.status ?? 500;
    this.param = options.param ?? null;
    this.requestId = options.requestId ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.details = options.details ?? {};
    this.localized = options.localized ?? null;
    this.className = facts?.sdkException ?? null;
    this.name = this.className ?? "CatalogError";
    Object.defineProperty(this, BRAND, { value: true });
    Object.defineProperty(this, CLASS, { value: code === null ? null : (CODE_CLASS()[code] ?? null) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    if ((value as { [BRAND]?: unknown })[BRAND] !== true) return false;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` asks about.
    const sdkClass = this.sdkClass;
    return sdkClass === undefined || (value as CatalogError)[CLASS] === sdkClass;
  }

  /** What the catalog says about the code (`null` if unknown). */
  get facts(): CodeFacts | null {
    return this.code === null ? null : CODES()[this.code];
  }
  /** Where the code is documented (`null` if unknown). */
  get docsUrl(): string | null {
    return this.facts?.docsUrl ?? null;
  }
  /** The gRPC canonical code: the code's, else the HTTP status's. */
  get grpcCode(): string {
    return this.facts?.grpc ?? grpcForStatus(this.status);
  }
  /** Who is at fault: the code's, else by HTTP status class (4xx client, 5xx server), as errcat-runtime's `Fault::of_status`. */
  get fault(): Fault {
    const byStatus =
      this.status >= 500 && this.status < 600 ? "server" : this.status >= 400 && this.status < 500 ? "client" : "none";
    return this.facts?.fault ?? byStatus;
  }
  /** The code's retry policy, or one from the HTTP status for unknown codes. */
  get retryPolicy(): RetryPolicy {
    const facts = this.facts;
    return facts === null ? policyForStatus(this.status) : POLICIES[facts.retry]!;
  }
  /** True when the policy allows any retry of this call. */
  get retryable(): boolean {
    const strategy = this.retryPolicy.strategy;
    return strategy !== "never" && strategy !== "operation";
  }
  /**
   * The telemetry labels of this error, as errcat-runtime's
   * `Error::telemetry`: OpenTelemetry's `error.type` (the code, or `_OTHER`
   * when the catalog does not know it), then category, fault and
   * retryability; every value from the catalog, so metrics stay bounded.
   */
  telemetryLabels(): TelemetryLabels {
    const labels: Record<string, string | boolean> = { [TELEMETRY.errorType]: this.code ?? TELEMETRY.other };
    const category = this.facts?.category ?? null;
    if (category !== null) labels[TELEMETRY.category] = category;
    labels[TELEMETRY.fault] = this.fault;
    labels[TELEMETRY.retryable] = this.retryable;
    return labels;
  }
  /** True when only idempotent requests are retried (see `retryDelay`). */
  get requiresIdempotent(): boolean {
    return this.retryPolicy.idempotentOnly === true;
  }
  /** The backoff for retrying the whole operation, when that is the advice. */
  get operationBackoff(): Backoff | null {
    const policy = this.retryPolicy;
    // An operation policy without delays advises the retry, not its pace.
    return policy.strategy === "operation" && policy.initialMs !== undefined ? (policy as Backoff) : null;
  }
  /** The least and the most delay after `attempt` failed attempts, or `null` to stop. */
  delayBounds(attempt: number): readonly [number, number] | null {
    return delayBounds(this.retryPolicy, attempt, this.retryAfterMs);
  }
  /**
   * How long to wait after `attempt` failed attempts, or `null` to give up.
   * Pass `idempotent: true` for a request that is safe to repeat: a policy
   * that retries only those gives up otherwise.
   */
  retryDelay(attempt: number, random: () => number = Math.random, idempotent = false): number | null {
    if (this.requiresIdempotent && !idempotent) return null;
    const bounds = this.delayBounds(attempt);
    return bounds === null ? null : bounds[0] + (bounds[1] - bounds[0]) * random();
  }
  /**
   * The message in the locale `tag` names (`fr-CH` falls back to `fr`,
   * then to the default), rendered with this error's details and that
   * locale's plural rules; the message as it is for an error that did not
   * come from its code's template (`create`), or a locale the catalog
   * lacks. As errcat-runtime's `Error::message_in`.
   */
  messageIn(tag: string): string {
    const locale = findLocale(tag);
    if (this.code === null || locale === null || (this as { [TEMPLATED]?: boolean })[TEMPLATED] !== true) {
      return this.message;
    }
    const found = translated(this.code, locale, 1);
    if (found === null) return this.message;
    return renderTemplate(found[1], this.details, LOCALES.plurals[found[0]]);
  }
  /** The code's title in the locale `tag` names, as `messageIn` finds it. */
  titleIn(tag: string): string | null {
    const facts = this.facts;
    if (this.code === null || facts === null) return null;
    const locale = findLocale(tag);
    return (locale === null ? null : translated(this.code, locale, 0)?.[1]) ?? facts.title;
  }
  /** The error as the catalog's envelope, for sending. */
  toJSON(): Record<string, unknown> {
    const facts = this.facts;
    return writeBody(
      {
        code: this.code ?? this.wireCode,
        message: this.message,
        status: this.status,
        type: facts?.type ?? null,
        title: facts?.title ?? null,
        param: this.param,
        requestId: this.requestId,
        retryAfterMs: this.retryAfterMs,
        docsUrl: facts?.docsUrl ?? null,
        details: this.details,
        grpc: this.grpcCode,
        domain: DOMAIN,
        localized: this.localized,
      },
      facts?.envelope ?? ENVELOPE.style,
    );
  }
}

/** The gRPC code of an HTTP status, as errcat-runtime maps it. */
export function grpcForStatus(status: number): string {
  const own = GRPC_BY_STATUS[String(status)];
  if (own !== undefined) return own;
  const cls = String(Math.floor(status / 100));
  return (status >= 200 && status < 600 ? GRPC_BY_STATUS[cls] : undefined) ?? GRPC_BY_STATUS[""]!;
}

/** True for an error of this catalog, from any copy of this module. */
export function isCatalogError(value: unknown): value is CatalogError {
  return value instanceof CatalogError;
}

/** True for an error of this catalog with `code`; its `details` are then typed. */
export function hasCode<C extends Code>(
  value: unknown,
  code: C,
): value is CatalogError & { readonly code: C; readonly details: Readonly<CodeDetails[C]> } {
  return isCatalogError(value) && value.code === code;
}

/** `text` with ASCII letters in lower case, as the Rust runtime folds. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Every name, wire name and alias: a `Map`, which V8 reads faster than an
 * object of thousands of keys; built on the first lookup, like the tables
 * it reads, so importing a large catalog costs only its codes' facts.
 */
let nameIndex: ReadonlyMap<string, Code> | undefined;

/** Every name by its ASCII-lower-case form, for a case-insensitive catalog. */
let folded: ReadonlyMap<string, Code> | undefined;

function names(): ReadonlyMap<string, Code> {
  nameIndex ??= new Map(Object.entries(NAMES()));
  return nameIndex;
}

function foldedNames(): ReadonlyMap<string, Code> {
  folded ??= new Map(Object.entries(NAMES()).map(([name, code]) => [asciiLower(name), code]));
  return folded;
}

/**
 * The code with this name, wire name or alias (or numeric code, as text);
 * ignoring ASCII case when the catalog says lookups do.
 */
export function lookup(name: string): Code | null {
  const code = names().get(name);
  if (code !== undefined) return code;
  return CASE_INSENSITIVE ? (foldedNames().get(asciiLower(name)) ?? null) : null;
}

/** A name several codes share, in the case the catalog wrote it. */
function sharedName(name: string): string | null {
  if (Object.hasOwn(SHARED_NAMES(), name)) return name;
  if (!CASE_INSENSITIVE) return null;
  const folded = asciiLower(name);
  return Object.keys(SHARED_NAMES()).find((key) => asciiLower(key) === folded) ?? null;
}

/**
 * Every code that answers to `name`: all the codes that share it as their
 * condition name, in catalog order (as PL/pgSQL catches `01004` and `22001`
 * by `string_data_right_truncation`), else the one `lookup` finds.
 * `lookup` finds no shared name.
 */
export function named(name: string): readonly Code[] {
  const shared = sharedName(name);
  if (shared !== null) return SHARED_NAMES()[shared]!;
  const code = lookup(name);
  return code === null ? [] : [code];
}

/** The catalog's identity pattern, anchored (no `u` flag, as errcat checks). */
const IDENTITY: RegExp | null = IDENTITY_PATTERN === null ? null : new RegExp(`^(?:${IDENTITY_PATTERN})$`);

/**
 * Whether `text` can be an identity: with an identity pattern, a token of
 * ASCII letters, digits and `_` that matches it in full.
 */
function canBeIdentity(text: string): boolean {
  if (IDENTITY === null) return true;
  return text.length > 0 && text.length <= LIMITS.maxIdentityLen && /^[A-Za-z0-9_]+$/.test(text) && IDENTITY.test(text);
}

/**
 * The code a client reading `identity` means: `lookup`, else the generic
 * code of its prefix class, by the longest prefix it starts with. With an
 * identity pattern, a string that cannot be an identity has no class.
 */
export function resolve(identity: string): Code | null {
  const code = lookup(identity);
  if (code !== null || !canBeIdentity(identity)) return code;
  const folded = CASE_INSENSITIVE ? asciiLower(identity) : identity;
  for (const [prefix, generic] of PREFIX_CLASSES) {
    if (folded.startsWith(CASE_INSENSITIVE ? asciiLower(prefix) : prefix)) return generic;
  }
  return null;
}

/** The code with this numeric code. */
export function fromNumeric(numeric: number): Code | null {
  const key = String(numeric);
  return Object.hasOwn(NUMERIC(), key) ? NUMERIC()[key]! : null;
}

/** What the catalog says about `code`. */
export function facts(code: Code): CodeFacts {
  return CODES()[code];
}

/** The category with this id, or this class prefix (`"22"`), as Rust's `Category::lookup`. */
export function category(key: string): CategoryFacts | null {
  if (Object.hasOwn(CATEGORIES(), key)) return CATEGORIES()[key]!;
  return Object.values(CATEGORIES()).find((c) => c.prefix !== null && c.prefix === key) ?? null;
}

/** An error of `code`, its message rendered from `params`. */
export function create(
  code: Code,
  params: Readonly<Record<string, unknown>> = {},
  options: ErrorOptions = {},
): CatalogError {
  const facts = CODES()[code];
  const details: Record<string, unknown> = {};
  for (const name of facts.params) if (name in params) details[name] = params[name];
  const error = construct(code, code, {
    ...options,
    message: options.message ?? renderTemplate(facts.message, params),
    details: options.details ?? details,
  });
  if (options.message === undefined) Object.defineProperty(error, TEMPLATED, { value: true });
  return error;
}

/** A param's text: strings as they are, anything else as compact JSON. */
function templateText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Renders a message template as errcat-runtime's `template::render` does:
 * `{name}` placeholders, `{{`/`}}` literal braces, and ICU plural and
 * select choices (`{n, plural, one {# file} other {# files}}`), plural
 * arms chosen by `plurals`, a locale's CLDR rules (the default locale's
 * unless given). A template that does not parse is rendered flat: each
 * well-formed `{name}` filled, every other brace kept as written.
 */
export function renderTemplate(
  template: string,
  params: Readonly<Record<string, unknown>>,
  plurals: string = LOCALES.plurals[0] ?? "",
): string {
  // Own properties only: `{constructor}` is not Object's.
  const value = (name: string): string | null =>
    Object.hasOwn(params, name) && params[name] !== undefined ? templateText(params[name]) : null;
  if (template.includes(",")) {
    const pieces = parseTemplate(template);
    if (pieces !== null) return renderPieces(pieces, template, plurals, null, value);
  }
  return renderFlat(template, value);
}

/** A piece of a parsed template; choices carry their arms. */
type Piece =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "param"; readonly name: string; readonly at: number }
  | { readonly kind: "number" }
  | {
      readonly kind: "choice";
      readonly name: string;
      readonly plural: boolean;
      readonly arms: ReadonlyArray<readonly [string, readonly Piece[]]>;
    };

/** How deep choices nest at most (errcat-runtime's `MAX_CHOICE_DEPTH`). */
const MAX_CHOICE_DEPTH = 4;
const CATEGORIES_CLDR = ["zero", "one", "two", "few", "many", "other"];

/** The pieces of `template`, or `null` when it does not parse. */
function parseTemplate(template: string): Piece[] | null {
  const pieces = (at: number, inPlural: boolean, depth: number): [Piece[], number] | null => {
    const out: Piece[] = [];
    while (at < template.length) {
      const c = template[at]!;
      if (c === "{" && template[at + 1] === "{") {
        out.push({ kind: "text", text: "{" });
        at += 2;
      } else if (c === "}") {
        if (depth > 0) return [out, at];
        if (template[at + 1] !== "}") return null;
        out.push({ kind: "text", text: "}" });
        at += 2;
      } else if (c === "{") {
        const found = braced(at, inPlural, depth);
        if (found === null) return null;
        out.push(found[0]);
        at = found[1];
      } else if (inPlural && c === "#") {
        if (template[at + 1] === "#") {
          out.push({ kind: "text", text: "#" });
          at += 2;
        } else {
          out.push({ kind: "number" });
          at += 1;
        }
      } else {
        let end = at;
        while (end < template.length && !"{}".includes(template[end]!) && !(inPlural && template[end] === "#")) end++;
        out.push({ kind: "text", text: template.slice(at, end) });
        at = end;
      }
    }
    return depth > 0 ? null : [out, at];
  };
  const braced = (at: number, inPlural: boolean, depth: number): [Piece, number] | null => {
    let end = at + 1;
    while (end < template.length && !"{},".includes(template[end]!)) end++;
    if (end >= template.length || template[end] === "{") return null;
    const name = template.slice(at + 1, end);
    if (template[end] === "}") return name === "" ? null : [{ kind: "param", name, at }, end + 1];
    return choice(trimSpace(name), end + 1, inPlural, depth);
  };
  const choice = (name: string, at: number, inPlural: boolean, depth: number): [Piece, number] | null => {
    if (name === "" || depth >= MAX_CHOICE_DEPTH) return null;
    let comma = at;
    while (comma < template.length && !"{},".includes(template[comma]!)) comma++;
    if (template[comma] !== ",") return null;
    const kind = trimSpace(template.slice(at, comma));
    if (kind !== "plural" && kind !== "select") return null;
    const plural = kind === "plural";
    const arms: [string, Piece[]][] = [];
    at = comma + 1;
    for (;;) {
      while (at < template.length && isSpace(template[at]!)) at++;
      if (at >= template.length) return null;
      if (template[at] === "}") {
        return arms.some(([key]) => key === "other") ? [{ kind: "choice", name, plural, arms }, at + 1] : null;
      }
      let keyEnd = at;
      while (keyEnd < template.length && !isSpace(template[keyEnd]!) && !"{}".includes(template[keyEnd]!)) keyEnd++;
      const key = template.slice(at, keyEnd);
      let open = keyEnd;
      while (open < template.length && isSpace(template[open]!)) open++;
      if (key === "" || template[open] !== "{") return null;
      if (plural && !CATEGORIES_CLDR.includes(key) && !/^=[0-9]{1,18}$/.test(key)) return null;
      if (arms.some(([k]) => k === key)) return null;
      const body = pieces(open + 1, inPlural || plural, depth + 1);
      if (body === null) return null;
      arms.push([key, body[0]]);
      at = body[1] + 1;
    }
  };
  const parsed = pieces(0, false, 0);
  return parsed === null ? null : parsed[0];
}

/** Whitespace as Rust's `char::is_whitespace` sees it. */
function isSpace(c: string): boolean {
  return /^[\s\u0085]$/u.test(c) && c !== "\uFEFF";
}

/** `text` without whitespace around it, as Rust's `str::trim`. */
function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start]!)) start++;
  while (end > start && isSpace(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function renderPieces(
  pieces: readonly Piece[],
  template: string,
  plurals: string,
  number: string | null,
  value: (name: string) => string | null,
): string {
  let out = "";
  for (const piece of pieces) {
    if (piece.kind === "text") out += piece.text;
    else if (piece.kind === "number") out += number ?? "#";
    else if (piece.kind === "param")
      out += value(piece.name) ?? template.slice(piece.at, piece.at + piece.name.length + 2);
    else {
      const text = value(piece.name);
      const arm = chooseArm(piece, text, plurals);
      const inner = piece.plural ? (text ?? `{${piece.name}}`) : number;
      out += renderPieces(arm, template, plurals, inner, value);
    }
  }
  return out;
}

/** The arm a choice takes for its param's text (`null`: none given). */
function chooseArm(choice: Piece & { kind: "choice" }, text: string | null, plurals: string): readonly Piece[] {
  const arm = (key: string): readonly Piece[] | undefined => choice.arms.find(([k]) => k === key)?.[1];
  const other = arm("other") ?? choice.arms[0]![1];
  if (text === null) return other;
  if (!choice.plural) return arm(text) ?? other;
  if (operands(text) !== null && !text.startsWith("-")) {
    for (const [key, body] of choice.arms) {
      if (key.startsWith("=") && sameNumber(key.slice(1), text)) return body;
    }
  }
  return arm(pluralCategory(plurals, text)) ?? other;
}

function sameNumber(n: string, text: string): boolean {
  const dot = text.indexOf(".");
  const [int, frac] = dot < 0 ? [text, ""] : [text.slice(0, dot), text.slice(dot + 1)];
  return /^0*$/.test(frac) && int.replace(/^0+/, "") === n.replace(/^0+/, "");
}

function renderFlat(template: string, value: (name: string) => string | null): string {
  let out = "";
  for (let at = 0; at < template.length; at++) {
    const c = template[at]!;
    if ((c === "{" || c === "}") && template[at + 1] === c) {
      out += c;
      at++;
    } else if (c === "{") {
      // A placeholder closes before any other brace and names something;
      // otherwise the brace is kept as written, as errcat-runtime keeps it.
      const close = template.indexOf("}", at + 1);
      const open = template.indexOf("{", at + 1);
      if (close < 0 || (open >= 0 && open < close) || close === at + 1) {
        out += c;
        continue;
      }
      out += value(template.slice(at + 1, close)) ?? template.slice(at, close + 1);
      at = close;
    } else {
      out += c;
    }
  }
  return out;
}

/** CLDR's operands of a number as written: [i, v, w, f, t], or `null`. */
function operands(text: string): readonly [bigint, number, number, bigint, bigint] | null {
  const m = /^-?([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (m === null) return null;
  const int = m[1]!;
  const frac = m[2] ?? "";
  if (int.length > 18 || frac.length > 18) return null;
  const trimmed = frac.replace(/0+$/, "");
  return [BigInt(int), frac.length, trimmed.length, BigInt(frac || "0"), BigInt(trimmed || "0")];
}

/**
 * The CLDR plural category (`one`, `few`, `other`, …) of a number as a
 * message shows it, under a locale's rules as errcat ships them; anything
 * that is not a plain decimal number takes `other`. As errcat-runtime's
 * `plural::category`.
 */
export function pluralCategory(rules: string, number: string): string {
  const ops = operands(number);
  if (ops === null) return "other";
  const [i, v, w, f, t] = ops;
  const get = (name: string, modulus: bigint | null): bigint | null => {
    let x: bigint;
    if (name === "n" && t !== 0n) return null;
    if (name === "n" || name === "i") x = i;
    else if (name === "v") x = BigInt(v);
    else if (name === "w") x = BigInt(w);
    else if (name === "f") x = f;
    else if (name === "t") x = t;
    else if (name === "c" || name === "e") x = 0n;
    else throw new Error(`unknown operand ${name}`);
    return modulus === null ? x : x % modulus;
  };
  const holds = (relation: string): boolean => {
    const tokens = relation.trim().split(/\s+/);
    const [operand, modulus, op, ranges] =
      tokens.length === 5
        ? [tokens[0]!, BigInt(tokens[2]!), tokens[3]!, tokens[4]!]
        : [tokens[0]!, null, tokens[1]!, tokens[2]!];
    const x = get(operand, modulus);
    const within = ranges.split(",").some((range) => {
      const [low, high] = range.includes("..") ? range.split("..") : [range, range];
      return x !== null && x >= BigInt(low!) && x <= BigInt(high!);
    });
    return op === "=" ? within : !within;
  };
  try {
    for (const entry of rules.split(";")) {
      const colon = entry.indexOf(":");
      if (colon < 0) continue;
      const condition = entry.slice(colon + 1);
      if (condition.split(" or ").some((and) => and.split(" and ").every(holds))) return entry.slice(0, colon).trim();
    }
  } catch {
    return "other";
  }
  return "other";
}

/** The locale `tag` names (RFC 4647 lookup along its subtags), or `null`. */
export function findLocale(tag: string): number | null {
  const norm = (t: string): string => t.toLowerCase().replaceAll("_", "-");
  let wanted = norm(trimSpace(tag));
  for (;;) {
    const at = LOCALES.tags.findIndex((t) => norm(t) === wanted);
    if (at >= 0) return at;
    const cut = wanted.lastIndexOf("-");
    if (cut < 0) return null;
    wanted = wanted.slice(0, cut);
    // A single-letter subtag only introduces the next one.
    const again = wanted.lastIndexOf("-");
    if (again >= 0 && wanted.length - again === 2) wanted = wanted.slice(0, again);
  }
}

/**
 * The locale to answer an `Accept-Language` header in, as errcat-runtime's
 * `Locales::negotiate` chooses: by quality, then order, the first range
 * `findLocale` finds; the default locale's tag otherwise.
 */
export function negotiateLocale(acceptLanguage: string): string {
  const ranges: [number, string][] = [];
  for (const element of acceptLanguage.split(",").slice(0, LOCALES.maxRanges)) {
    const parts = element.split(";");
    const range = trimSpace(parts[0]!);
    if (range !== "*" && !(range.length <= 64 && /^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(range))) continue;
    let quality: number | null = 1000;
    for (const param of parts.slice(1)) {
      const eq = param.indexOf("=");
      if (eq < 0) {
        quality = null;
        break;
      }
      if (trimSpace(param.slice(0, eq)).toLowerCase() === "q") quality = parseQuality(trimSpace(param.slice(eq + 1)));
      if (quality === null) break;
    }
    if (quality !== null && quality > 0) ranges.push([quality, range]);
  }
  // Stable: ranges of equal quality keep the header's order.
  ranges.sort((a, b) => b[0] - a[0]);
  for (const [, range] of ranges) {
    const at = range === "*" ? 0 : findLocale(range);
    if (at !== null) return LOCALES.tags[at]!;
  }
  return LOCALES.tags[0]!;
}

function parseQuality(value: string): number | null {
  const m = /^([01])(?:\.([0-9]{0,3}))?$/.exec(value);
  if (m === null) return null;
  const frac = Number((m[2] ?? "").padEnd(3, "0"));
  if (m[1] === "1") return frac === 0 ? 1000 : null;
  return frac;
}

/** Text `at` (0 title, 1 message) of `code` along `locale`'s chain short of the default, with the locale it came from. */
function translated(code: Code, locale: number, at: 0 | 1): readonly [number, string] | null {
  let l = Math.min(locale, LOCALES.tags.length - 1);
  while (l !== 0) {
    const text = TRANSLATIONS()[LOCALES.tags[l]!]?.[code]?.[at] ?? null;
    if (text !== null) return [l, text];
    const parent = LOCALES.parents[l] ?? 0;
    l = parent === l ? 0 : parent;
  }
  return null;
}

/**
 * Parses an HTTP error response, leniently and within bounds, as
 * errcat-runtime does: the nested envelope (snake or camel case), RFC 9457
 * problem details, `{"detail": ...}`, `{"error": "text"}`, numeric
 * `{"status": {"code": N}}` and Google's AIP-193 bodies. `Retry-After` and
 * `X-Request-Id` headers win over the body. Never throws.
 */
export function fromResponse(status: number, headers: HeaderInput, body: string | Uint8Array): CatalogError {
  // Callers in plain JavaScript pass what they have: hold to "never throws".
  status = typeof status === "number" && Number.isFinite(status) ? Math.trunc(status) : 0;
  body = typeof body === "string" || body instanceof Uint8Array ? body : asBody(body);
  const parsed = parseBody(status, body);
  for (const [name, value] of headerPairs(headers)) {
    const lower = name.toLowerCase();
    if (lower === "retry-after") {
      const wait = parseRetryAfter(value, Date.now());
      if (wait !== null) parsed.retryAfterMs = wait;
    } else if (lower === "x-request-id" || (REQUEST_ID_HEADER !== null && lower === REQUEST_ID_HEADER.toLowerCase())) {
      const id = cleanRequestId(value);
      if (id !== null) parsed.requestId = id;
    }
  }
  let code: Code | null = null;
  if (parsed.numeric !== null) {
    code = fromNumeric(parsed.numeric);
  } else if (parsed.wireCode !== null) {
    code = resolve(parsed.wireCode);
    if (code === null && parsed.fallbackCode !== null) {
      code = lookup(parsed.fallbackCode);
      if (code !== null) parsed.wireCode = parsed.fallbackCode;
    }
  }
  if (parsed.detailsAsText && code !== null) typeDetails(parsed.details, CODES()[code]);
  const message = parsed.message !== "" ? parsed.message : code !== null ? CODES()[code].title : `HTTP ${status}`;
  return construct(code, parsed.wireCode ?? code ?? "", {
    message,
    status,
    param: parsed.param,
    requestId: parsed.requestId,
    retryAfterMs: parsed.retryAfterMs,
    details: parsed.details,
    localized: parsed.localized,
  });
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (0 if past). */
export function parseRetryAfter(value: string, nowMs: number): number | null {
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) {
    const secs = text.length > 10 ? LIMITS.maxRetryAfterSecs : Number(text);
    return Math.min(secs, LIMITS.maxRetryAfterSecs) * 1000;
  }
  const date = parseHttpDate(text);
  return date === null ? null : Math.max(0, date - nowMs);
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An HTTP date in any of the three forms RFC 9110 requires recipients to
 * accept (IMF-fixdate, RFC 850, asctime), exactly as errcat-runtime (the
 * httpdate crate) accepts them: case as written, a real calendar date from
 * 1970 to 9999 whose weekday is right. Milliseconds since the epoch.
 */
function parseHttpDate(text: string): number | null {
  const day3 = WEEKDAYS.join("|");
  const mon = MONTHS.join("|");
  const long = "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";
  let weekday: string;
  let parts: [string, string, string, string, string, string];
  const imf = new RegExp(`^(${day3}), (\\d{2}) (${mon}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`).exec(text);
  const rfc850 = imf
    ? null
    : new RegExp(`^(${long}), (\\d{2})-(${mon})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`).exec(text);
  const asctime =
    imf || rfc850
      ? null
      : new RegExp(`^(${day3}) (${mon}) ( \\d|\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`).exec(text);
  if (imf !== null) {
    weekday = imf[1]!;
    parts = [imf[4]!, imf[3]!, imf[2]!, imf[5]!, imf[6]!, imf[7]!];
  } else if (rfc850 !== null) {
    weekday = rfc850[1]!.slice(0, 3);
    const yy = Number(rfc850[4]);
    parts = [String(yy < 70 ? 2000 + yy : 1900 + yy), rfc850[3]!, rfc850[2]!, rfc850[5]!, rfc850[6]!, rfc850[7]!];
  } else if (asctime !== null) {
    weekday = asctime[1]!;
    parts = [asctime[7]!, asctime[2]!, asctime[3]!.trim(), asctime[4]!, asctime[5]!, asctime[6]!];
  } else {
    return null;
  }
  const [year, month, day, hour, minute, second] = [
    Number(parts[0]),
    MONTHS.indexOf(parts[1]),
    Number(parts[2]),
    Number(parts[3]),
    Number(parts[4]),
    Number(parts[5]),
  ];
  if (year < 1970 || year > 9999 || hour > 23 || minute > 59 || second > 59 || day < 1) return null;
  const ms = Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(ms);
  // `31 Feb` would roll over into March: not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return WEEKDAYS[date.getUTCDay()] === weekday ? ms : null;
}

/** The least and most delay after `attempt` failed attempts, or `null` to stop. */
export function delayBounds(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
): readonly [number, number] | null {
  switch (policy.strategy) {
    case "never":
    case "operation":
      return null;
    case "backoff":
      return backoffBounds(policy, attempt);
    case "after_header":
      if (attempt === 0 || attempt >= policy.fallback.maxAttempts) return null;
      if (retryAfterMs === null || retryAfterMs === 0) return backoffBounds(policy.fallback, attempt);
      return retryAfterMs > policy.maxWaitMs ? null : [retryAfterMs, retryAfterMs];
  }
}

function backoffBounds(b: Backoff, attempt: number): readonly [number, number] | null {
  if (attempt === 0 || attempt >= b.maxAttempts) return null;
  const exponent = Math.min(attempt - 1, 1024);
  const raw = b.initialMs * Math.max(b.factor, 1) ** exponent;
  const base = Number.isFinite(raw) ? Math.min(raw, b.maxDelayMs) : b.maxDelayMs;
  // Whole microseconds, as the Rust runtime computes them.
  const delay = Math.floor(base * 1000 + 1e-6) / 1000;
  switch (b.jitter) {
    case "none":
      return [delay, delay];
    case "full":
      return [0, delay];
    case "equal":
      return [Math.floor((delay * 1e6) / 2) / 1e6, delay];
  }
}

/** The policy for a code this module does not know, from the status class. */
export function policyForStatus(status: number): RetryPolicy {
  // errcat-runtime's `RetryPolicy::for_status`, as data.
  const run = STATUS_POLICIES.find(([first, last]) => first <= status && status <= last);
  return run === undefined ? { strategy: "never" } : run[2];
}

interface Parsed {
  wireCode: string | null;
  fallbackCode: string | null;
  numeric: number | null;
  message: string;
  param: string | null;
  requestId: string | null;
  retryAfterMs: number | null;
  details: Record<string, unknown>;
  /** The details are AIP-193 metadata: text for the params' values. */
  detailsAsText: boolean;
  localized: LocalizedText | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseBody(status: number, body: string | Uint8Array): Parsed {
  const parsed: Parsed = {
    wireCode: null,
    fallbackCode: null,
    numeric: null,
    message: "",
    param: null,
    requestId: null,
    retryAfterMs: null,
    details: {},
    detailsAsText: false,
    localized: null,
  };
  const bytes = typeof body === "string" ? new TextEncoder().encode(body).length : body.length;
  if (bytes > LIMITS.maxBodyBytes) {
    parsed.message = `HTTP ${status}: response body of ${bytes} bytes not parsed`;
    return parsed;
  }
  const text = typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: false }).decode(body);
  let value: Json | undefined;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    try {
      value = JSON.parse(mend(text, LIMITS.maxKeptDepth)) as Json;
    } catch {
      value = undefined;
    }
  }
  if (isObject(value)) {
    readObject(parsed, value);
  } else {
    const trimmed = text.trim();
    parsed.message =
      trimmed === "" ? `HTTP ${status}` : Array.from(trimmed).slice(0, LIMITS.maxRawMessageChars).join("");
  }
  return parsed;
}

/**
 * A body that did not parse, with what JSON parsers disagree on made plain
 * JSON, as errcat-runtime's `mend` does: a leading byte-order mark dropped;
 * `NaN`, `Infinity` and numbers too large for a double become `null`; a
 * lone surrogate escape becomes U+FFFD; nesting deeper than `limit` becomes
 * `null`. Strings are skipped exactly, so valid JSON stays valid.
 */
function mend(text: string, limit: number): string {
  if (text.startsWith("\ufeff")) text = text.slice(1);
  let out = "";
  let depth = 0;
  let at = 0;
  let copied = 0;
  while (at < text.length) {
    const c = text[at]!;
    if (c === '"') {
      const end = skipString(text, at);
      const string = text.slice(at, end);
      if (string.includes("\\u")) {
        out += text.slice(copied, at) + mendSurrogates(string);
        copied = end;
      }
      at = end;
    } else if ((c === "{" || c === "[") && depth === limit) {
      out += `${text.slice(copied, at)}null`;
      at = skipNested(text, at);
      copied = at;
    } else if (c === "{" || c === "[") {
      depth++;
      at++;
    } else if (c === "}" || c === "]") {
      depth = Math.max(0, depth - 1);
      at++;
    } else if (c === "-" || (c >= "0" && c <= "9") || c === "N" || c === "I") {
      let end = at;
      while (end < text.length && /[A-Za-z0-9+\-.]/.test(text[end]!)) end++;
      const token = text.slice(at, end);
      const bare = token.replace(/^-+/, "");
      const number = Number(token);
      if (bare.startsWith("N") || bare.startsWith("I") || (!Number.isNaN(number) && !Number.isFinite(number))) {
        out += `${text.slice(copied, at)}null`;
        copied = end;
      }
      at = Math.max(end, at + 1);
    } else {
      at++;
    }
  }
  return out + text.slice(copied);
}

/** The index just past the string starting at `text[at]` (a `"`). */
function skipString(text: string, at: number): number {
  for (at++; at < text.length; at++) {
    if (text[at] === "\\") at++;
    else if (text[at] === '"') return at + 1;
  }
  return text.length;
}

/** The index just past the array or object starting at `text[at]`. */
function skipNested(text: string, at: number): number {
  let depth = 0;
  while (at < text.length) {
    const c = text[at]!;
    if (c === '"') {
      at = skipString(text, at);
      continue;
    }
    if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return at + 1;
    }
    at++;
  }
  return text.length;
}

/** A quoted JSON string with every lone surrogate escape written as `\uFFFD`. */
function mendSurrogates(string: string): string {
  const unit = (at: number): number | null => {
    const m = /^\\u([0-9A-Fa-f]{4})/.exec(string.slice(at, at + 6));
    return m === null ? null : parseInt(m[1]!, 16);
  };
  let out = "";
  let at = 0;
  let copied = 0;
  while (at < string.length) {
    if (string[at] !== "\\") {
      at++;
      continue;
    }
    const u = unit(at);
    if (u !== null && u >= 0xd800 && u <= 0xdbff) {
      const low = unit(at + 6);
      if (low !== null && low >= 0xdc00 && low <= 0xdfff) {
        at += 12;
        continue;
      }
    }
    if (u !== null && u >= 0xd800 && u <= 0xdfff) {
      out += `${string.slice(copied, at)}\\uFFFD`;
      at += 6;
      copied = at;
    } else {
      at += u === null ? 2 : 6;
    }
  }
  return out + string.slice(copied);
}

function clip(text: string, chars: number): string {
  return Array.from(text).slice(0, chars).join("");
}

function messageOnly(message: string): JsonObject {
  return { message };
}

function readObject(parsed: Parsed, object: JsonObject): void {
  const str = (v: Json | undefined): string | null => (typeof v === "string" ? v : null);
  const first = (o: JsonObject, member: string): Json | undefined => {
    for (const name of memberNames(member)) if (Object.hasOwn(o, name)) return o[name];
    return undefined;
  };
  const nested = object[WIRE.nested.wrapper!];
  const detail = object[WIRE.detail.wrapper!];
  const listed = firstListedError(object);
  let fields: JsonObject;
  let problem = false;
  if (listed !== null) {
    fields = listed[0];
    problem = !listed[1];
  } else if (isObject(nested)) fields = nested;
  else if (typeof nested === "string") fields = messageOnly(nested);
  else if (isObject(detail) && !("status" in object)) fields = detail;
  else if (typeof detail === "string" && !("title" in object)) fields = messageOnly(detail);
  else {
    fields = object;
    problem = "title" in object || "detail" in object;
  }
  const code = fields["code"];
  if (typeof code === "string" && code !== "") parsed.wireCode = clip(code, LIMITS.maxRawMessageChars);
  else if (typeof code === "number") setNumeric(parsed, code);
  const statusObject = object["status"];
  if (parsed.wireCode === null && isObject(statusObject)) {
    const n = statusObject["code"];
    if (typeof n === "number") setNumeric(parsed, n);
    const description = str(statusObject["description"]);
    if (description !== null) parsed.message = description;
  }
  const message = problem ? (fields["detail"] ?? fields["title"] ?? fields["message"]) : first(fields, "message");
  if (typeof message === "string") parsed.message = clip(message, LIMITS.maxMessageChars);
  parsed.param = str(first(fields, "param"));
  const inner = str(first(fields, "requestId"));
  const outer = OUTER_REQUEST_ID.map((k) => str(object[k])).find((v) => v !== null) ?? null;
  const id = inner ?? outer;
  parsed.requestId = id === null ? null : cleanRequestId(id);
  const ms = first(fields, "retryAfterMs");
  const secs = fields["retry_after"] ?? fields["retryAfter"];
  const wait = typeof ms === "number" ? ms / 1000 : typeof secs === "number" ? secs : null;
  const ok = wait !== null && Number.isFinite(wait) && wait >= 0;
  // Below a millisecond is zero: a floor under the backoff, not "retry now".
  parsed.retryAfterMs = !ok
    ? null
    : wait * 1000 < LIMITS.minRetryHintMs
      ? 0
      : Math.min(wait, LIMITS.maxRetryAfterSecs) * 1000;
  const details = first(fields, "details");
  if (isObject(details)) parsed.details = details;
  readGoogleStatus(parsed, fields);
}

/** The first error of a JSON:API or GraphQL `errors` list, its `meta`,
 * `extensions` and `source` read as its own, and whether it is GraphQL's. */
function firstListedError(object: JsonObject): [JsonObject, boolean] | null {
  const errors = object["errors"];
  if (!Array.isArray(errors)) return null;
  const first = errors[0];
  if (!isObject(first)) return null;
  const graphql = "extensions" in first || !["code", "detail", "title", "status"].some((k) => k in first);
  const fields: JsonObject = { ...first };
  for (const parent of ["extensions", "meta", "source"]) {
    const sub = first[parent];
    if (!isObject(sub)) continue;
    for (const [key, value] of Object.entries(sub)) {
      const name =
        parent === "source" && (key === "pointer" || key === "parameter" || key === "header") ? "param" : key;
      if (!Object.hasOwn(fields, name)) {
        Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return [fields, graphql];
}

function readGoogleStatus(parsed: Parsed, fields: JsonObject): void {
  const http = fields["code"];
  const status = fields["status"];
  if (typeof http !== "number" || typeof status !== "string" || status === "") return;
  if (!Number.isInteger(http) || http < 100 || http > 599) return;
  const list = fields["details"];
  const typed = (ty: string): JsonObject | undefined => {
    if (!Array.isArray(list)) return undefined;
    const found = list.find(
      (d) => isObject(d) && typeof d["@type"] === "string" && d["@type"].endsWith(`google.rpc.${ty}`),
    );
    return isObject(found) ? found : undefined;
  };
  const info = typed("ErrorInfo");
  const reasonValue = isObject(info) ? info["reason"] : undefined;
  const reason = typeof reasonValue === "string" && reasonValue !== "" ? reasonValue : null;
  parsed.numeric = null;
  parsed.wireCode = clip(reason ?? status, LIMITS.maxRawMessageChars);
  parsed.fallbackCode = reason === null ? null : clip(status, LIMITS.maxRawMessageChars);
  const metadata = isObject(info) ? info["metadata"] : undefined;
  if (isObject(metadata)) {
    parsed.details = metadata;
    parsed.detailsAsText = true;
  }
  const violations = typed("BadRequest")?.["fieldViolations"];
  const violation = Array.isArray(violations) ? violations[0] : undefined;
  const field = isObject(violation) ? violation["field"] : undefined;
  if (typeof field === "string" && field !== "") parsed.param = field;
  const delay = typed("RetryInfo")?.["retryDelay"];
  const wait = typeof delay === "string" ? parseProtoDuration(delay) : null;
  // As a body's milliseconds: below one is zero, and the longest wait is 2^32-1 s.
  if (wait !== null)
    parsed.retryAfterMs = wait < LIMITS.minRetryHintMs ? 0 : Math.min(wait, LIMITS.maxRetryAfterSecs * 1000);
  const id = typed("RequestInfo")?.["requestId"];
  const cleaned = typeof id === "string" ? cleanRequestId(id) : null;
  if (cleaned !== null) parsed.requestId = cleaned;
  // The message for users, beside the developer's: kept, bounded.
  const said = typed("LocalizedMessage");
  const locale = said?.["locale"];
  const message = said?.["message"];
  if (typeof locale === "string" && locale !== "" && typeof message === "string" && message !== "") {
    parsed.localized = {
      locale: clip(locale, LIMITS.maxLocaleChars),
      message: clip(message, LIMITS.maxMessageChars),
    };
  }
}

/** AIP-193 metadata (text) as the values of the code's params, by their
 * declared types, as errcat-runtime's `ParamType::value_from_text`. */
function typeDetails(details: Record<string, unknown>, facts: CodeFacts): void {
  facts.params.forEach((name, i) => {
    const text = Object.hasOwn(details, name) ? details[name] : undefined;
    if (typeof text !== "string") return;
    const value = valueFromText(facts.paramTypes[i] ?? "string", text);
    if (value !== null) details[name] = value;
  });
}

const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  u16: [0n, 65535n],
  u32: [0n, 4294967295n],
  u64: [0n, 18446744073709551615n],
  i32: [-2147483648n, 2147483647n],
  i64: [-9223372036854775808n, 9223372036854775807n],
};

function valueFromText(type: string, text: string): unknown {
  const range = INTEGER_RANGES[type];
  if (range !== undefined) {
    if (!/^-?[0-9]+$/.test(text)) return null;
    const n = BigInt(text);
    return n >= range[0] && n <= range[1] ? Number(n) : null;
  }
  if (type === "f64") {
    if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  if (type === "bool") return text === "true" ? true : text === "false" ? false : null;
  return text;
}

/** Protobuf JSON's `Duration` (`"30s"`, `"1.5s"`) in milliseconds, or `null`. */
function parseProtoDuration(text: string): number | null {
  const match = /^([0-9]+)(?:\.([0-9]{1,9}))?s$/.exec(text);
  if (match === null) return null;
  const whole = Number(match[1]);
  const frac = Number(`${match[2] ?? ""}000000000`.slice(0, 9));
  return whole * 1000 + frac / 1e6;
}

/** A wait as protobuf JSON's `Duration`: whole milliseconds, such as `"1.5s"`. */
function protoDuration(ms: number): string {
  const whole = Math.floor(ms);
  const secs = Math.floor(whole / 1000);
  const frac = whole % 1000;
  return frac === 0 ? `${secs}s` : `${secs}.${String(frac).padStart(3, "0").replace(/0+$/, "")}s`;
}

function setNumeric(parsed: Parsed, n: number): void {
  // As errcat-runtime: whole numbers that fit 64 bits, `17000.0` included.
  if (Number.isInteger(n) && n >= 0 && n < 2 ** 64) {
    parsed.numeric = n;
    parsed.wireCode = String(n);
  }
}

const MEMBER_NAMES = new Map<string, string[]>();

/** Every name a member goes by, in the order a lenient reader tries them
 * (computed once per member). */
function memberNames(member: string): string[] {
  const known = MEMBER_NAMES.get(member);
  if (known !== undefined) return known;
  const names: string[] = [];
  for (const style of ["nested", "problem", "detail", "google", "jsonapi", "graphql"] as const) {
    for (const [m, snake, camel, within] of WIRE[style].fields) {
      // AIP-193 details are read by their types.
      if (m !== member || within.startsWith("@")) continue;
      if (!names.includes(snake)) names.push(snake);
      if (!names.includes(camel)) names.push(camel);
    }
  }
  MEMBER_NAMES.set(member, names);
  return names;
}

function cleanRequestId(raw: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  const kept = Array.from(raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ""))
    .slice(0, LIMITS.maxRequestIdChars)
    .join("")
    .trim();
  return kept === "" ? null : kept;
}

/** A body of another type, as text: bytes of an `ArrayBuffer`, else nothing. */
function asBody(body: unknown): string | Uint8Array {
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return typeof body === "number" || typeof body === "boolean" ? String(body) : "";
}

/** A header name or value as text: strings, numbers, or UTF-8 bytes. */
function headerText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return new TextDecoder("latin1").decode(value);
  return null;
}

/** The name/value pairs of any header shape; what cannot be read is skipped. */
function headerPairs(headers: HeaderInput): (readonly [string, string])[] {
  const pairs: (readonly [string, string])[] = [];
  const push = (name: unknown, value: unknown): void => {
    const n = headerText(name);
    const v = headerText(value);
    if (n !== null && v !== null) pairs.push([n, v]);
  };
  try {
    if (typeof headers !== "object" || headers === null) return pairs;
    if (Symbol.iterator in headers) {
      for (const pair of headers as Iterable<unknown>) {
        if (Array.isArray(pair) && pair.length >= 2) push(pair[0], pair[1]);
      }
      return pairs;
    }
    const forEach = (headers as { forEach?: unknown }).forEach;
    if (typeof forEach === "function") {
      (headers as { forEach(callback: (value: unknown, name: unknown) => void): void }).forEach((value, name) => {
        push(name, value);
      });
      return pairs;
    }
    for (const [name, value] of Object.entries(headers)) push(name, value);
  } catch {
    // A header object that throws while read gives what was read so far.
  }
  return pairs;
}

interface Body {
  code: string;
  message: string;
  status: number;
  type: string | null;
  title: string | null;
  param: string | null;
  requestId: string | null;
  retryAfterMs: number | null;
  docsUrl: string | null;
  details: Readonly<Record<string, unknown>>;
  grpc: string;
  domain: string | null;
  localized: LocalizedText | null;
}

/** `value` with arrays and objects nested deeper than `limit` as `null`, so
 * writing details never overflows the stack (as parsing prunes them). */
function prune(value: unknown, limit: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (limit === 0) return null;
  if (Array.isArray(value)) return value.map((v) => prune(v, limit - 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Own keys, `__proto__` among them, stay keys.
    Object.defineProperty(out, k, { value: prune(v, limit - 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A member's value as a field of `jsonType` writes it, as errcat-runtime's `ErrorBody::member`; `null` when none. */
/**
 * A value as a field of `jsonType` (errcat-runtime's wire table) writes it,
 * as `ErrorBody::member` does: a number in a string field as its text, in an
 * integer field whole; an object with no members left out. No member has a
 * rule of its own.
 */
function asJsonType(value: unknown, jsonType: string): unknown {
  if (typeof value === "number") {
    if (jsonType === "string") return String(value);
    if (jsonType === "integer") return Math.floor(value);
  }
  if (jsonType === "object" && typeof value === "object" && value !== null && Object.keys(value).length === 0) {
    return null;
  }
  return value;
}

function memberValue(body: Body, member: string, jsonType: string): unknown {
  switch (member) {
    case "details":
      return asJsonType(prune(body.details, LIMITS.maxKeptDepth), jsonType);
    case "message":
      // Where the envelope has one message, it is the one for users.
      return body.localized?.message ?? body.message;
    default:
      return asJsonType((body as unknown as Record<string, unknown>)[member] ?? null, jsonType);
  }
}

function writeBody(body: Body, style: EnvelopeStyle): Record<string, unknown> {
  if (style === "google") return writeGoogle(body);
  const wire = WIRE[style];
  const outside = style === "detail" || (style === "nested" && ENVELOPE.requestId === "outside");
  const out: Record<string, unknown> = {};
  for (const [member, snake, camel, within, jsonType, fallback] of wire.fields) {
    if (member === "requestId" && outside) continue;
    let name = ENVELOPE.fieldCase === "camel" ? camel : snake;
    let value = memberValue(body, member, jsonType);
    if (value === null && fallback !== null)
      value = "text" in fallback ? fallback.text : memberValue(body, fallback.member, jsonType);
    // JSON:API says where in the request document with a pointer.
    if (member === "param" && style === "jsonapi" && typeof value === "string" && value.startsWith("/"))
      name = "pointer";
    if (value === null || value === undefined) continue;
    if (within === "") {
      out[name] = value;
    } else {
      out[within] ??= {};
      const sub = out[within] as Record<string, unknown>;
      sub[name] = value;
    }
  }
  if (wire.wrapper === null) return out;
  const envelope: Record<string, unknown> = { [wire.wrapper]: wire.list ? [out] : out };
  if (outside && body.requestId !== null)
    envelope[ENVELOPE.fieldCase === "camel" ? OUTER_REQUEST_ID[1] : OUTER_REQUEST_ID[0]] = body.requestId;
  return envelope;
}

/** A param as AIP-193 metadata, which holds strings: text as it is, other values as JSON. */
function metadataText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(prune(value, LIMITS.maxKeptDepth)) ?? "null");
}

/** An AIP-193 body, with the details errcat-runtime writes, in its order. */
function writeGoogle(body: Body): Record<string, unknown> {
  const typed = (ty: string, members: Record<string, unknown>): Record<string, unknown> => ({
    "@type": `type.googleapis.com/google.rpc.${ty}`,
    ...members,
  });
  const info: Record<string, unknown> = { reason: body.code };
  if (body.domain !== null && body.domain !== "") info["domain"] = body.domain;
  const keys = Object.keys(body.details);
  if (keys.length > 0) {
    const metadata: Record<string, string> = {};
    for (const key of keys) {
      Object.defineProperty(metadata, key, {
        value: metadataText(body.details[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    info["metadata"] = metadata;
  }
  const details: Record<string, unknown>[] = [typed("ErrorInfo", info)];
  if (body.param !== null)
    details.push(typed("BadRequest", { fieldViolations: [{ field: body.param, description: body.message }] }));
  if (body.retryAfterMs !== null) details.push(typed("RetryInfo", { retryDelay: protoDuration(body.retryAfterMs) }));
  if (body.requestId !== null) details.push(typed("RequestInfo", { requestId: body.requestId }));
  if (body.docsUrl !== null)
    details.push(typed("Help", { links: [{ description: body.title ?? body.code, url: body.docsUrl }] }));
  if (body.localized !== null)
    details.push(typed("LocalizedMessage", { locale: body.localized.locale, message: body.localized.message }));
  return { error: { code: body.status, message: body.message, status: body.grpc, details } };
}

/** A class of an SDK exception, as `errors.ts` defines them. */
export type CatalogErrorClass = new (code: Code | null, wireCode: string, options?: ErrorOptions) => CatalogError;

/** The SDK exception classes by name, registered by `errors.ts`. */
const CLASSES: Record<string, CatalogErrorClass> = {};

/**
 * Registers the SDK exception classes, so that parsed errors are instances
 * of their code's class. Called once by the generated `errors.ts`.
 * @internal
 */
export function registerClasses(classes: Readonly<Record<string, CatalogErrorClass>>): void {
  Object.assign(CLASSES, classes);
}

/** The error of `code`, as the class of its SDK exception when it has one. */
function construct(code: Code | null, wireCode: string, options: ErrorOptions): CatalogError {
  const name = code === null ? undefined : CODE_CLASS()[code];
  const cls = name !== undefined && Object.hasOwn(CLASSES, name) ? CLASSES[name]! : CatalogError;
  return new cls(code, wireCode, options);
}
