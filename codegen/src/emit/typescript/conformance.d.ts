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
    };
}
/** One template case: a template, its params, and the message errcat's Rust runtime renders. */
export interface TemplateCase {
    readonly template: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly expect: string;
}
/** The cases shipped with this package (`conformance.json`). */
export declare function conformanceCases(): ConformanceCase[];
/** The template cases shipped with this package. */
export declare function templateCases(): TemplateCase[];
/** What this package renders differently for one template case. */
export declare function checkTemplate(testCase: TemplateCase): string[];
/** What this package gets wrong about one case; empty when nothing. */
export declare function checkCase(testCase: ConformanceCase): string[];
/**
 * Runs every case and template case (the shipped ones unless given);
 * throws an `Error` naming every problem; returns how many ran.
 */
export declare function runConformance(cases?: readonly ConformanceCase[], templates?: readonly TemplateCase[]): number;
