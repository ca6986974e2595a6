/** One step of a case's retry schedule. */
export interface ConformanceStep {
    readonly attempt: number;
    readonly stop?: boolean;
    readonly min_ms?: number;
    readonly max_ms?: number;
}
/** One case: a response, and what the client must make of it. */
export interface ConformanceCase {
    readonly name: string;
    readonly response: {
        readonly status: number;
        readonly headers: readonly (readonly [string, string])[];
        readonly body: string;
    };
    readonly expect: {
        readonly code: string | null;
        readonly wire_code?: string;
        readonly class?: string | null;
        readonly fault?: string;
        readonly telemetry?: Readonly<Record<string, string | boolean>>;
        readonly status: number;
        readonly retryable: boolean;
        readonly message: string;
        readonly request_id: string | null;
        readonly retry_after_ms: number | null;
        readonly retry: readonly ConformanceStep[];
        readonly body?: unknown;
        readonly operation?: boolean;
        readonly idempotent_only?: boolean;
        readonly localized?: {
            readonly locale: string;
            readonly message: string;
        };
    };
}
/** One template case: a template, its params, its locale's plural rules, and the message errcat's Rust runtime renders. */
export interface TemplateCase {
    readonly template: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly plurals?: string;
    readonly expect: string;
}
/** One plural case: a locale's CLDR rules, a number as shown, and its category. */
export interface PluralCase {
    readonly locale: string;
    readonly rules: string;
    readonly number: string;
    readonly expect: string;
}
/** One localized case: a code's error from its params, and what it says in the locale `request` names. */
export interface LocalizedCase {
    readonly code: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly request: string;
    readonly expect: {
        readonly locale: string;
        readonly title: string;
        readonly message: string;
    };
}
/** One negotiation case: an `Accept-Language` header and the locale it is answered in. */
export interface NegotiationCase {
    readonly accept_language: string;
    readonly expect: string;
}
/** The plural, localized and negotiation cases. */
export interface LocalizationCases {
    readonly plurals?: readonly PluralCase[];
    readonly localized?: readonly LocalizedCase[];
    readonly negotiation?: readonly NegotiationCase[];
}
/** The cases shipped with this package (`conformance.json`). */
export declare function conformanceCases(): ConformanceCase[];
/** The template cases shipped with this package. */
export declare function templateCases(): TemplateCase[];
/** What this package renders differently for one template case. */
export declare function checkTemplate(testCase: TemplateCase): string[];
/** The plural, localized and negotiation cases shipped with this package. */
export declare function localizationCases(): LocalizationCases;
/** What this package decides differently for the plural, localized and negotiation cases. */
export declare function checkLocalization(shippedCases?: LocalizationCases): string[];
/** What this package gets wrong about one case; empty when nothing. */
export declare function checkCase(testCase: ConformanceCase): string[];
/**
 * Runs every case and template case (the shipped ones unless given);
 * throws an `Error` naming every problem; returns how many ran.
 */
export declare function runConformance(cases?: readonly ConformanceCase[], templates?: readonly TemplateCase[], localization?: LocalizationCases): number;
