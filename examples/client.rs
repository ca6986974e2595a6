//! A client of the example server that turns error responses into
//! `errcat::Error` and retries exactly as the catalog says.
//!
//! Start the server (`cargo run --example server --features axum`), then run
//! `cargo run --example client --features reqwest,backon`.

use errcat::{Code, Error};

async fn get(client: &reqwest::Client, url: &str) -> Result<String, Error> {
    let response = match client.get(url).send().await {
        Ok(response) => response,
        Err(e) => return Err(Error::unknown("connection_failed", 503, e.to_string())),
    };
    Ok(Error::check_reqwest(response)
        .await?
        .text()
        .await
        .unwrap_or_default())
}

#[tokio::main]
async fn main() {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "http://127.0.0.1:3000".into());
    let client = reqwest::Client::new();
    for path in [
        "/projects/demo",
        "/projects/nonexistent",
        "/secret",
        "/busy",
    ] {
        let url = format!("{base}{path}");
        let result = errcat::retry_notify(
            || get(&client, &url),
            |e: &Error, wait| println!("  {path}: {e}; retrying in {wait:?}"),
        )
        .await;
        match result {
            Ok(body) => print!("{path}: ok: {body}"),
            Err(e) => {
                println!("{path}: {e}");
                if let Some(code) = e.code() {
                    println!("  exit code {}, docs {}", code.exit_code(), code.docs_url());
                    if code == Code::MissingApiKey {
                        println!("  hint: {}", code.solution().unwrap_or_default());
                    }
                }
            }
        }
    }
}
