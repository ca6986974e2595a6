//! `errcat lsp` over stdio, as an editor drives it: diagnostics as you
//! type (the same as `errcat check`), hover, completion, definition,
//! references, rename (refused where the lock forbids it), code actions
//! and formatting.

#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications seen while waiting for responses.
    pending: Vec<Value>,
    /// The latest diagnostics of each file, as an editor keeps them.
    latest: std::collections::HashMap<String, Vec<Value>>,
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_errcat"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
            pending: Vec::new(),
            latest: std::collections::HashMap::new(),
        };
        let uri = uri(root);
        client
            .request(
                "initialize",
                json!({ "processId": null, "rootUri": uri, "capabilities": {} }),
            )
            .unwrap();
        client.notify("initialized", json!({}));
        client
    }

    /// The next message, its diagnostics remembered.
    fn receive(&mut self) -> Value {
        let message = self
            .messages
            .recv_timeout(Duration::from_secs(60))
            .expect("a message within a minute");
        if message["method"] == "textDocument/publishDiagnostics" {
            let uri = message["params"]["uri"].as_str().unwrap().to_string();
            self.latest.insert(
                uri,
                message["params"]["diagnostics"].as_array().unwrap().clone(),
            );
        }
        message
    }

    /// Answers once the server has handled everything sent before: it
    /// handles messages in order, and publishes before the next one.
    fn barrier(&mut self) {
        self.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///nowhere/x.toml" }, "position": { "line": 0, "character": 0 } }))
            .unwrap();
    }

    /// The diagnostics the editor shows for `file` now.
    fn shown(&self, file: &Path) -> Vec<Value> {
        self.latest.get(&uri(file)).cloned().unwrap_or_default()
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The response's `result`, or its `error`.
    fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message["id"] == id {
                return match message.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(message["result"].clone()),
                };
            }
            self.pending.push(message);
        }
    }

    /// The next diagnostics published for `file`.
    fn diagnostics(&mut self, file: &Path) -> Vec<Value> {
        let want = uri(file);
        if let Some(i) = self.pending.iter().position(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == want
        }) {
            return self.pending.remove(i)["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .clone();
        }
        loop {
            let message = self.receive();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == want
            {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push(message);
        }
    }

    fn open(&mut self, file: &Path, text: &str) {
        self.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri(file), "languageId": "toml", "version": 1, "text": text } }));
    }

    fn change(&mut self, file: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(file), "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    fn at(
        &mut self,
        method: &str,
        file: &Path,
        line: u32,
        character: u32,
        extra: Value,
    ) -> Result<Value, Value> {
        let mut params = json!({ "textDocument": { "uri": uri(file) }, "position": { "line": line, "character": character } });
        params
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        self.request(method, params)
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null).unwrap();
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success());
    }
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// examples/basic's catalog, released, in a temp folder.
fn project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/basic/catalog");
    std::fs::create_dir(root.join("catalog")).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(entry.path(), root.join("catalog").join(entry.file_name())).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["release", "--version", "2.1.0"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (tmp, root)
}

/// The line and UTF-16 column of the first `needle` in `text`.
fn find(text: &str, needle: &str) -> (u32, u32) {
    let at = text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let line = text[..at].matches('\n').count() as u32;
    let column = text[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count() as u32;
    (line, column)
}

#[test]
fn the_language_server_answers_every_capability() {
    let (_tmp, root) = project();
    let card = root.join("catalog/card.toml");
    let catalog = root.join("catalog/catalog.toml");
    let text = std::fs::read_to_string(&card).unwrap();
    let mut client = Client::start(&root);
    client.open(&card, &text);
    assert_eq!(client.diagnostics(&card), Vec::<Value>::new());

    // A bad edit: the same diagnostic as `errcat check`, located.
    let broken = text.replacen("numeric = 1001", "numeric = 1000", 1);
    client.change(&card, 2, &broken);
    let diagnostics = client.diagnostics(&card);
    let duplicate = diagnostics
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("1000"))
        .expect("a duplicate numeric");
    assert_eq!(duplicate["severity"], 1);
    assert_eq!(duplicate["source"], "errcat");
    assert!(duplicate["code"].as_str().unwrap().starts_with('E'));
    let (line, _) = find(&broken, "numeric = 1000\ntitle = \"Insufficient");
    let lines: Vec<u64> = diagnostics
        .iter()
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert!(lines.contains(&u64::from(line)), "{diagnostics:#?}");
    assert!(
        duplicate["relatedInformation"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    client.change(&card, 3, &text);
    assert_eq!(client.diagnostics(&card), Vec::<Value>::new());

    // Hover: a key's docs, and a code's docs section with an example body.
    let (line, column) = find(&text, "solution");
    let hover = client
        .at("textDocument/hover", &card, line, column + 2, json!({}))
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("How to fix it"),
        "{hover}"
    );
    let (line, column) = find(&text, "card_declined]");
    let hover = client
        .at("textDocument/hover", &card, line, column + 1, json!({}))
        .unwrap();
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("Card declined")
            && shown.contains("```json")
            && shown.contains("\"card_declined\""),
        "{shown}"
    );

    // Hover and definition on a retry policy named in a category.
    let catalog_text = std::fs::read_to_string(&catalog).unwrap();
    let (line, column) = find(&catalog_text, "retry = \"retry_soon\"");
    let hover = client
        .at("textDocument/hover", &catalog, line, column + 10, json!({}))
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("retry policy `retry_soon`"),
        "{hover}"
    );
    let definition = client
        .at(
            "textDocument/definition",
            &catalog,
            line,
            column + 10,
            json!({}),
        )
        .unwrap();
    let (def_line, _) = find(&catalog_text, "[retry.retry_soon]");
    assert_eq!(definition["range"]["start"]["line"], def_line);

    // References of a code: its table and its lock entry.
    let (line, column) = find(&text, "card_declined]");
    let refs = client
        .at(
            "textDocument/references",
            &card,
            line,
            column + 1,
            json!({ "context": { "includeDeclaration": true } }),
        )
        .unwrap();
    let files: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("card.toml"))
            && files.iter().any(|f| f.ends_with("errcat.lock")),
        "{refs}"
    );

    // Rename starts on a name, and only there.
    let prepared = client
        .at(
            "textDocument/prepareRename",
            &card,
            line,
            column + 1,
            json!({}),
        )
        .unwrap();
    assert_eq!(prepared["start"]["line"], line);
    assert_eq!(
        prepared["end"]["character"],
        column + "card_declined".len() as u32
    );
    let (title_line, _) = find(&text, "title = \"Card declined\"");
    assert_eq!(
        client
            .at(
                "textDocument/prepareRename",
                &card,
                title_line,
                1,
                json!({})
            )
            .unwrap(),
        Value::Null
    );

    // Rename of a released code is refused with the rule's reason.
    let refused = client
        .at(
            "textDocument/rename",
            &card,
            line,
            column + 1,
            json!({ "newName": "card_refused" }),
        )
        .unwrap_err();
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot rename: E"),
        "{refused}"
    );

    // A new code, not released: renamed everywhere it is named.
    let edited = format!(
        "{text}\n[fresh]\nnumeric = 1002\ntitle = \"Fresh\"\nmessage = \"Fresh.\"\n\n[stale]\nnumeric = 1003\ntitle = \"Stale\"\nmessage = \"Stale.\"\ndeprecated = \"Use fresh.\"\nreplaced_by = \"fresh\"\n"
    );
    client.change(&card, 4, &edited);
    client.barrier();
    let (line, column) = find(&edited, "fresh]");
    let rename = client
        .at(
            "textDocument/rename",
            &card,
            line,
            column + 1,
            json!({ "newName": "renewed" }),
        )
        .unwrap();
    let edits = rename["changes"][uri(&card)].as_array().unwrap();
    assert_eq!(edits.len(), 2, "{rename}");
    assert!(edits.iter().all(|e| e["newText"] == "renewed"));

    // Completion: keys of a code table, closed values, policy names, params.
    let with_cursor = format!(
        "{edited}\n[typing]\ntitle = \"T\"\nmessage = \"Needs {{\"\nparams = {{ amount = \"u64\" }}\nenvelope = \"\"\nretry = \"\"\n"
    );
    client.change(&card, 5, &with_cursor);
    client.barrier();
    let labels = |v: Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let (line, column) = find(&with_cursor, "envelope = \"\"");
    assert!(
        labels(
            client
                .at(
                    "textDocument/completion",
                    &card,
                    line,
                    column + 12,
                    json!({})
                )
                .unwrap()
        )
        .contains(&"problem".to_string())
    );
    let (line, column) = find(&with_cursor, "retry = \"\"\n");
    let policies = labels(
        client
            .at(
                "textDocument/completion",
                &card,
                line,
                column + 9,
                json!({}),
            )
            .unwrap(),
    );
    assert!(
        policies.contains(&"retry_soon".to_string()) && policies.contains(&"never".to_string()),
        "{policies:?}"
    );
    let (line, column) = find(&with_cursor, "Needs {");
    assert_eq!(
        labels(
            client
                .at(
                    "textDocument/completion",
                    &card,
                    line,
                    column + 7,
                    json!({})
                )
                .unwrap()
        ),
        ["amount"]
    );
    let (line, _) = find(&with_cursor, "title = \"T\"");
    let keys = labels(
        client
            .at("textDocument/completion", &card, line + 1, 0, json!({}))
            .unwrap(),
    );
    assert!(
        keys.contains(&"solution".to_string()) && !keys.contains(&"title".to_string()),
        "{keys:?}"
    );

    // Code actions: a quick fix from a diagnostic, and new code here.
    let misspelt = text.replacen("solution =", "soluton =", 1);
    client.change(&card, 6, &misspelt);
    let diagnostics = client.diagnostics(&card);
    let (line, column) = find(&misspelt, "soluton");
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri(&card) }, "range": { "start": { "line": line, "character": column }, "end": { "line": line, "character": column } }, "context": { "diagnostics": diagnostics } }),
        )
        .unwrap();
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Replace `soluton` with `solution`"),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("New code here (numeric 100")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Deprecate `card_declined`")),
        "{titles:?}"
    );

    // Formatting is `errcat fmt`'s.
    client.change(
        &card,
        7,
        "[card_declined]\nnumeric=1000\ntitle =   \"Card declined\"\n",
    );
    client.barrier();
    let edits = client.request("textDocument/formatting", json!({ "textDocument": { "uri": uri(&card) }, "options": { "tabSize": 2, "insertSpaces": true } })).unwrap();
    assert_eq!(
        edits[0]["newText"],
        "[card_declined]\nnumeric = 1000\ntitle = \"Card declined\"\n"
    );
    client.stop();
}

/// What `errcat check --json` reports, as (code, file name, line, message).
fn check_json(root: &Path) -> Vec<(String, String, u64, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["check", "--json"])
        .current_dir(root)
        .output()
        .unwrap();
    let failure: Value = serde_json::from_slice(&out.stderr).unwrap();
    let mut found: Vec<_> = failure["error"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            (
                d["code"].as_str().unwrap().to_string(),
                file,
                d["line"].as_u64().unwrap() - 1,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn diagnostics_are_what_a_saved_check_reports_nothing_more_or_less() {
    let (_tmp, root) = project();
    let card = root.join("catalog/card.toml");
    let catalog = root.join("catalog/catalog.toml");
    let text = std::fs::read_to_string(&card).unwrap();
    let mut client = Client::start(&root);
    client.open(&card, &text);
    let files = [
        &catalog,
        &card,
        &root.join("catalog/processor.toml"),
        &root.join("catalog/errcat.lock"),
    ];
    client.barrier();
    for file in files {
        assert_eq!(client.shown(file), Vec::<Value>::new());
    }
    // A misspelt key and a duplicate numeric; then a released code gone
    // from the catalog (a history rule, against the lock).
    let edits = [
        text.replacen("numeric = 1001", "numeric = 1000", 1)
            .replacen("solution =", "soluton =", 1),
        text.replacen("[card_declined]", "[card_refused]", 1),
    ];
    for (version, broken) in edits.iter().enumerate() {
        std::fs::write(&card, broken).unwrap();
        let expected = check_json(&root);
        assert!(!expected.is_empty());
        client.change(&card, version as i64 + 2, broken);
        client.barrier();
        let mut got = Vec::new();
        for file in files {
            let name = file.file_name().unwrap().to_str().unwrap().to_string();
            for d in client.shown(file) {
                let message = d["message"]
                    .as_str()
                    .unwrap()
                    .split("\nhelp: ")
                    .next()
                    .unwrap()
                    .to_string();
                got.push((
                    d["code"].as_str().unwrap().to_string(),
                    name.clone(),
                    d["range"]["start"]["line"].as_u64().unwrap(),
                    message,
                ));
            }
        }
        got.sort();
        assert_eq!(got, expected);
    }
    client.stop();
}

#[test]
fn renaming_a_policy_or_a_category_edits_every_file_and_moves_the_category_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/basic/catalog");
    std::fs::create_dir(root.join("catalog")).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(entry.path(), root.join("catalog").join(entry.file_name())).unwrap();
    }
    let catalog = root.join("catalog/catalog.toml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    let mut client = Client::start(&root);
    client.open(&catalog, &text);
    client.barrier();
    let (line, column) = find(&text, "[retry.retry_soon]");
    let rename = client
        .at(
            "textDocument/rename",
            &catalog,
            line,
            column + 8,
            json!({ "newName": "quick" }),
        )
        .unwrap();
    let edits = rename["changes"][uri(&catalog)].as_array().unwrap();
    assert_eq!(
        edits.len(),
        2,
        "the table and the category's `retry`: {rename}"
    );
    let (line, column) = find(&text, "[categories.card]");
    let rename = client
        .at(
            "textDocument/rename",
            &catalog,
            line,
            column + 13,
            json!({ "newName": "cards" }),
        )
        .unwrap();
    let operations = rename["documentChanges"].as_array().unwrap();
    let moved = operations.iter().find(|o| o["kind"] == "rename").unwrap();
    assert_eq!(moved["oldUri"], uri(&root.join("catalog/card.toml")));
    assert_eq!(moved["newUri"], uri(&root.join("catalog/cards.toml")));
    let refused = client
        .at(
            "textDocument/rename",
            &catalog,
            line,
            column + 13,
            json!({ "newName": "processor" }),
        )
        .unwrap_err();
    assert!(
        refused["message"].as_str().unwrap().contains("taken"),
        "{refused}"
    );
    client.stop();
}

#[test]
fn a_translation_file_is_checked_as_it_is_typed() {
    let (_tmp, root) = project();
    let locales = root.join("catalog/locales");
    std::fs::create_dir(&locales).unwrap();
    let french = locales.join("fr.toml");
    let good = "[card_declined]\ntitle = \"Carte refusée\"\n";
    std::fs::write(&french, good).unwrap();
    let mut client = Client::start(&root);
    client.open(&french, good);
    // Coverage and the unrecorded source are warnings on the file itself.
    let shown = client.diagnostics(&french);
    assert!(shown.iter().all(|d| d["severity"] == 2), "{shown:#?}");
    // A translation of a code the catalog lacks, located in the editor's text.
    let typo = "[card_declind]\ntitle = \"Carte refusée\"\n";
    client.change(&french, 2, typo);
    let shown = client.diagnostics(&french);
    let unknown = shown
        .iter()
        .find(|d| d["code"] == "E0060")
        .unwrap_or_else(|| panic!("{shown:#?}"));
    assert_eq!(unknown["range"]["start"]["line"], 0);
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .contains("card_declined")
    );
    // Its table names the code it translates: definition goes to the code.
    client.change(&french, 3, good);
    client.barrier();
    let definition = client
        .at("textDocument/definition", &french, 0, 3, json!({}))
        .unwrap();
    assert!(
        definition["uri"].as_str().unwrap().ends_with("card.toml"),
        "{definition}"
    );
    client.stop();
}
