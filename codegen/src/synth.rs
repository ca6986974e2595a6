//! Synthetic catalogs of any size, for benchmarks: realistic categories,
//! statuses, params, aliases, retry policies and prose, deterministic for a
//! given size.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::write::FileSet;

/// Category archetypes: id stem, title, fault, statuses, retry policy,
/// exit code, SDK exception, envelope type.
type Archetype = (
    &'static str,
    &'static str,
    &'static str,
    &'static [u16],
    &'static str,
    u8,
    &'static str,
    &'static str,
);

const ARCHETYPES: &[Archetype] = &[
    (
        "auth",
        "Authentication",
        "client",
        &[401],
        "never",
        2,
        "AuthenticationError",
        "authentication_error",
    ),
    (
        "permission",
        "Permissions",
        "client",
        &[403],
        "never",
        2,
        "PermissionDeniedError",
        "permission_error",
    ),
    (
        "validation",
        "Validation",
        "client",
        &[400, 422],
        "never",
        1,
        "ValidationError",
        "validation_error",
    ),
    (
        "not_found",
        "Not found",
        "client",
        &[404],
        "never",
        3,
        "NotFoundError",
        "not_found_error",
    ),
    (
        "conflict",
        "Conflicts",
        "client",
        &[409],
        "conflict",
        1,
        "ConflictError",
        "conflict_error",
    ),
    (
        "quota",
        "Quotas",
        "client",
        &[402, 403],
        "never",
        1,
        "QuotaExceededError",
        "quota_error",
    ),
    (
        "rate_limit",
        "Rate limiting",
        "client",
        &[429],
        "rate_limited",
        1,
        "RateLimitError",
        "rate_limit_error",
    ),
    (
        "upload",
        "Uploads",
        "client",
        &[413, 415],
        "never",
        1,
        "UploadError",
        "upload_error",
    ),
    (
        "upstream",
        "Upstream providers",
        "server",
        &[502, 504],
        "standard",
        1,
        "UpstreamError",
        "upstream_error",
    ),
    (
        "server",
        "Server errors",
        "server",
        &[500, 503],
        "standard",
        1,
        "ServerError",
        "api_error",
    ),
];

const NOUNS: &[&str] = &[
    "project",
    "model",
    "dataset",
    "workflow",
    "version",
    "image",
    "video",
    "annotation",
    "key",
    "workspace",
    "deployment",
    "invoice",
    "upload",
    "template",
    "job",
    "export",
    "label",
    "batch",
    "stream",
    "webhook",
];
const VERBS: &[&str] = &[
    "invalid",
    "missing",
    "expired",
    "locked",
    "duplicate",
    "unsupported",
    "failed",
    "denied",
    "exceeded",
    "unavailable",
    "corrupt",
    "stale",
    "pending",
    "rejected",
    "timeout",
];

/// Locales [`catalog_in_locales`] translates into, in order.
pub const LOCALES: &[&str] = &["fr", "pl", "de", "ar", "ja", "ru", "es", "cy"];

/// A catalog of `codes` codes as files (`catalog.toml` plus one file per
/// category), ready to write into a catalog folder.
pub fn catalog(codes: usize) -> FileSet {
    catalog_in_locales(codes, 0)
}

/// [`catalog`] with every code's title and message translated into the
/// first `locales` of [`LOCALES`] (`locales/<tag>.toml`), each translation
/// stamped with its source and counts in plural choices with every form its
/// locale has, as a translator would write them.
pub fn catalog_in_locales(codes: usize, locales: usize) -> FileSet {
    let codes = codes.max(1);
    // About 200 codes per category, at least 10 categories.
    let categories = codes.div_ceil(200).max(ARCHETYPES.len());
    let per_category = codes.div_ceil(categories);
    let mut files = FileSet::new();
    let mut settings = String::from(
        "# A synthetic catalog for benchmarks, made by `errcat synth`.\n\n\
         [catalog]\nname = \"synthetic\"\nversion = \"1.0.0\"\ndocs_base_url = \"https://example.com/errors\"\n\n\
         [retry.standard]\nstrategy = \"backoff\"\ninitial_ms = 1000\nfactor = 2.0\nmax_delay_ms = 8000\nmax_attempts = 5\n\n\
         [retry.conflict]\nstrategy = \"backoff\"\ninitial_ms = 100\nmax_delay_ms = 1000\nmax_attempts = 3\n\n\
         [retry.rate_limited]\nstrategy = \"after_header\"\nmax_wait_ms = 60000\ninitial_ms = 1000\nmax_delay_ms = 30000\nmax_attempts = 6\n",
    );
    let mut written = 0;
    let mut texts: Vec<(String, String, usize, &str, &str)> = Vec::new();
    for c in 0..categories {
        let (stem, title, fault, statuses, retry, exit, exception, error_type) =
            ARCHETYPES[c % ARCHETYPES.len()];
        let id = format!("{stem}_{c}");
        let base = 100_000 + c as u32 * 1000;
        let _ = write!(
            settings,
            "\n[categories.{id}]\ntitle = \"{title} {c}\"\ndescription = \"Codes of {title} group {c}.\"\n\
             range = [{base}, {}]\nfault = \"{fault}\"\ntype = \"{error_type}\"\nstatus = {}\nretry = \"{retry}\"\n\
             exit_code = {exit}\nsdk_exception = \"{exception}\"\n",
            base + 999,
            statuses[0]
        );
        let mut file = String::new();
        for i in 0..per_category {
            if written == codes {
                break;
            }
            let noun = NOUNS[(written / VERBS.len()) % NOUNS.len()];
            let verb = VERBS[written % VERBS.len()];
            let name = format!("{noun}_{verb}_{written}");
            let status = statuses[i % statuses.len()];
            let _ = write!(
                file,
                "[{name}]\nnumeric = {}\nstatus = {status}\ntitle = \"{} {noun}\"\n",
                base + i as u32,
                capitalise(verb)
            );
            texts.push((
                name.clone(),
                format!("{} {noun}", capitalise(verb)),
                i % 4,
                noun,
                verb,
            ));
            match i % 4 {
                0 => {
                    let _ = writeln!(file, "message = \"The {noun} is {verb}.\"");
                }
                1 => {
                    let _ = write!(
                        file,
                        "message = \"The {noun} {{id}} is {verb}.\"\nparams = {{ id = \"string\" }}\nexample = {{ id = \"{noun}-42\" }}\n"
                    );
                }
                2 => {
                    let _ = write!(
                        file,
                        "message = \"{{count}} of {{limit}} {noun}s are {verb}.\"\nparams = {{ count = \"u32\", limit = \"u32\" }}\n"
                    );
                }
                _ => {
                    let _ = write!(
                        file,
                        "message = \"The {noun} {{id}} is {verb} after {{seconds}} s.\"\nparams = {{ id = \"string\", seconds = \"f64\" }}\n"
                    );
                }
            }
            let _ = write!(
                file,
                "description = \"Returned when a {noun} is {verb}. Check the {noun} and try again; see the `{noun}` reference.\"\n\
                 solution = \"Fix the {noun}, then retry the request.\"\n"
            );
            if i % 10 == 0 {
                let _ = writeln!(file, "aliases = [\"{}\"]", name.to_uppercase());
            }
            if i % 50 == 7 {
                let _ = writeln!(file, "deprecated = \"Superseded.\"");
            }
            file.push('\n');
            written += 1;
        }
        files.insert(PathBuf::from(format!("{id}.toml")), file);
    }
    files.insert(PathBuf::from("catalog.toml"), settings);
    for tag in LOCALES.iter().take(locales) {
        let categories = crate::l10n::plural_rules(tag)
            .map(|r| r.categories)
            .unwrap_or_default();
        let mut file = String::new();
        for (name, title, shape, noun, verb) in &texts {
            let message = match shape {
                0 => format!("The {noun} is {verb}."),
                1 => format!("The {noun} {{id}} is {verb}."),
                2 => format!("{{count}} of {{limit}} {noun}s are {verb}."),
                _ => format!("The {noun} {{id}} is {verb} after {{seconds}} s."),
            };
            let translated = match shape {
                0 => format!("[{tag}] {noun}: {verb}."),
                1 => format!("[{tag}] {noun} {{id}}: {verb}."),
                2 => {
                    let arms: Vec<String> = categories
                        .iter()
                        .map(|c| format!("{c} {{# {noun} ({c})}}"))
                        .collect();
                    format!(
                        "[{tag}] {{count, plural, {}}} / {{limit}}: {verb}.",
                        arms.join(" ")
                    )
                }
                _ => format!("[{tag}] {noun} {{id}}: {verb}, {{seconds}} s."),
            };
            let _ = write!(
                file,
                "[{name}]\ntitle = \"[{tag}] {title}\"\nmessage = \"{translated}\"\n\
                 source.title = \"{title}\"\nsource.message = \"{message}\"\n\n"
            );
        }
        files.insert(PathBuf::from(format!("locales/{tag}.toml")), file);
    }
    files
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
