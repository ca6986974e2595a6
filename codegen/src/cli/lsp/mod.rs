//! `errcat lsp`: a language server over stdio for catalog files and
//! `errcat.lock`, on rust-analyzer's `lsp-server` and `lsp-types`. Every
//! edit recompiles the catalog as `errcat check` does (history included)
//! and publishes each file's diagnostics; hover, completion, navigation,
//! rename, code actions and formatting read the same analysis.
//!
//! Edits that arrive together are applied together: the catalog is
//! analysed when no message is waiting, or before a request is answered
//! (whose answer then follows the diagnostics of every earlier edit).

mod actions;
mod analysis;
mod complete;
mod hover;
mod index;
mod navigate;
mod position;
mod schema;

use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use serde_json::{Value, json};

use analysis::Analysis;
use position::LineIndex;

use crate::Sources;
use crate::cli::output::{EXIT_FAILURE, Failure, Output};

type BoxError = Box<dyn Error + Send + Sync>;

/// Runs the server on stdin and stdout until the client exits it.
pub fn run() -> Result<Output, Failure> {
    let (connection, threads) = Connection::stdio();
    let served = serve(connection).and_then(|()| threads.join().map_err(Into::into));
    served.map_err(|e| {
        Failure::new(
            EXIT_FAILURE,
            "lsp_failed",
            format!("the language server stopped: {e}"),
        )
    })?;
    Ok(Output {
        exit: 0,
        text: String::new(),
        json: json!({}),
    })
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "{".into(), "=".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one client on `connection`.
pub fn serve(connection: Connection) -> Result<(), BoxError> {
    let _init = connection.initialize(serde_json::to_value(capabilities())?)?;
    let mut server = Server::default();
    loop {
        let Ok(message) = connection.receiver.recv() else {
            return Ok(());
        };
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                // Diagnostics of earlier edits go out before any answer, so
                // what a client sees is always in the order it sent.
                for out in server.publish() {
                    connection.sender.send(out.into())?;
                }
                let response = server.request(request);
                connection.sender.send(response.into())?;
            }
            Message::Notification(notification) => {
                if notification.method == note::Exit::METHOD {
                    return Ok(());
                }
                server.notify(notification);
            }
            Message::Response(_) => {}
        }
        if connection.receiver.is_empty() {
            for out in server.publish() {
                connection.sender.send(out.into())?;
            }
        }
    }
}

/// One catalog folder the editor has files of open.
struct Catalog {
    disk: Sources,
    analysis: Option<Analysis>,
    /// The editor's texts changed since the last analysis.
    dirty: bool,
    /// An analysis (perhaps made for a request) not published yet.
    unpublished: bool,
    /// The parse of each file, reused while its text is unchanged.
    cache: crate::load::LoadCache,
    /// What the last publish sent for each file: a file is sent again only
    /// when its diagnostics change (an empty list clears a fixed file).
    published: HashMap<String, Vec<Diagnostic>>,
}

#[derive(Default)]
struct Server {
    catalogs: HashMap<PathBuf, Catalog>,
    /// The editor's text of each open file.
    open: HashMap<PathBuf, String>,
}

/// The catalog folder a file belongs to, and its name there: a file of
/// the folder, or of its translations (`locales/fr.toml`,
/// `locales/fr/billing.toml`).
fn locate(path: &Path) -> Option<(PathBuf, String)> {
    let dir = path.parent()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    if dir.join(crate::source::CATALOG_TOML).is_file() || name == crate::source::CATALOG_TOML {
        return Some((dir.to_path_buf(), name));
    }
    // Up to two folders below the catalog's, the first `locales`.
    for root in dir.ancestors().skip(1).take(2) {
        let inside = path.strip_prefix(root).ok()?;
        let in_locales = inside
            .components()
            .next()
            .is_some_and(|c| c.as_os_str() == crate::source::LOCALES_DIR);
        if in_locales && root.join(crate::source::CATALOG_TOML).is_file() {
            let name = inside.to_string_lossy().replace('\\', "/");
            return Some((root.to_path_buf(), name));
        }
    }
    None
}

impl Server {
    fn catalog(&mut self, dir: &Path) -> &mut Catalog {
        self.catalogs
            .entry(dir.to_path_buf())
            .or_insert_with(|| Catalog {
                disk: read_disk(dir),
                analysis: None,
                dirty: true,
                unpublished: true,
                cache: crate::load::LoadCache::default(),
                published: HashMap::new(),
            })
    }

    fn notify(&mut self, n: Notification) {
        let uri = |v: &Value| {
            v.pointer("/textDocument/uri")
                .and_then(|u| serde_json::from_value::<Uri>(u.clone()).ok())
        };
        let Some(path) = uri(&n.params).and_then(|u| position::path(&u)) else {
            return;
        };
        let Some((dir, _)) = locate(&path) else {
            return;
        };
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    self.open.insert(path, p.text_document.text);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params)
                    && let Some(change) = p.content_changes.into_iter().last()
                {
                    self.open.insert(path, change.text);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let disk = read_disk(&dir);
                self.catalog(&dir).disk = disk;
            }
            note::DidCloseTextDocument::METHOD => {
                self.open.remove(&path);
                let disk = read_disk(&dir);
                self.catalog(&dir).disk = disk;
            }
            _ => return,
        }
        self.catalog(&dir).dirty = true;
    }

    /// The catalog of `dir`, analysed with the editor's texts.
    fn analysed(&mut self, dir: &Path) -> &Analysis {
        let open: HashMap<String, String> = self
            .open
            .iter()
            .filter_map(|(p, t)| {
                let (root, name) = locate(p)?;
                (root == dir).then(|| (name, t.clone()))
            })
            .collect();
        let catalog = self.catalog(dir);
        if catalog.dirty || catalog.analysis.is_none() {
            let analysis = Analysis::new(
                dir,
                &catalog.disk,
                &open,
                catalog.analysis.as_ref(),
                &mut catalog.cache,
            );
            catalog.analysis = Some(analysis);
            catalog.dirty = false;
            catalog.unpublished = true;
        }
        catalog.analysis.as_ref().expect("analysed above")
    }

    /// Diagnostics of every catalog that changed, per file.
    fn publish(&mut self) -> Vec<Notification> {
        let dirty: Vec<PathBuf> = self
            .catalogs
            .iter()
            .filter(|(_, c)| c.dirty || c.unpublished)
            .map(|(d, _)| d.clone())
            .collect();
        let mut out = Vec::new();
        for dir in dirty {
            let analysis = self.analysed(&dir);
            let mut per_file: HashMap<String, Vec<Diagnostic>> = HashMap::new();
            for d in &analysis.diagnostics {
                let (name, diagnostic) = to_lsp(analysis, d);
                per_file.entry(name).or_default().push(diagnostic);
            }
            let files: HashSet<String> = analysis
                .sources
                .files()
                .iter()
                .map(|f| f.name.clone())
                .collect();
            let catalog = self.catalogs.get_mut(&dir).expect("analysed");
            let mut names: Vec<String> = files
                .iter()
                .chain(catalog.published.keys())
                .cloned()
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            names.sort();
            for name in names {
                let diagnostics = per_file.remove(&name).unwrap_or_default();
                let unchanged = match catalog.published.get(&name) {
                    Some(before) => *before == diagnostics,
                    None => false,
                };
                if unchanged {
                    continue;
                }
                let params = PublishDiagnosticsParams {
                    uri: position::uri(&dir.join(&name)),
                    diagnostics: diagnostics.clone(),
                    version: None,
                };
                out.push(Notification::new(
                    note::PublishDiagnostics::METHOD.into(),
                    params,
                ));
                if files.contains(&name) {
                    catalog.published.insert(name, diagnostics);
                } else {
                    catalog.published.remove(&name);
                }
            }
            catalog.unpublished = false;
        }
        out
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        match self.answer(request) {
            Ok(value) => Response::new_ok(id, value),
            Err(Answer::Error(code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn answer(&mut self, r: Request) -> Result<Value, Answer> {
        let doc = r
            .params
            .pointer("/textDocument/uri")
            .and_then(|u| serde_json::from_value::<Uri>(u.clone()).ok());
        let Some(path) = doc.as_ref().and_then(position::path) else {
            return Ok(Value::Null);
        };
        let Some((dir, name)) = locate(&path) else {
            return Ok(Value::Null);
        };
        let analysis = self.analysed(&dir);
        let Some(text) = analysis.text(&name) else {
            return Ok(Value::Null);
        };
        let lines = LineIndex::new(text);
        let at = |v: &Value| {
            serde_json::from_value::<Position>(v.get("position")?.clone())
                .ok()
                .map(|p| lines.offset(p))
        };
        let location = |file: &str, span: &std::ops::Range<usize>| {
            let text = analysis.text(file).unwrap_or("");
            Location::new(
                position::uri(&dir.join(file)),
                LineIndex::new(text).range(span),
            )
        };
        match r.method.as_str() {
            req::HoverRequest::METHOD => {
                let Some(offset) = at(&r.params) else {
                    return Ok(Value::Null);
                };
                match hover::hover(analysis, &name, offset) {
                    Some(value) => json(Hover {
                        contents: HoverContents::Markup(MarkupContent {
                            kind: MarkupKind::Markdown,
                            value,
                        }),
                        range: None,
                    }),
                    None => Ok(Value::Null),
                }
            }
            req::GotoDefinition::METHOD => {
                let Some(offset) = at(&r.params) else {
                    return Ok(Value::Null);
                };
                match navigate::definition(analysis, &name, offset) {
                    Some((file, span)) => json(location(&file, &span)),
                    None => Ok(Value::Null),
                }
            }
            req::References::METHOD => {
                let Some(offset) = at(&r.params) else {
                    return Ok(Value::Null);
                };
                let declaration = r
                    .params
                    .pointer("/context/includeDeclaration")
                    .and_then(Value::as_bool)
                    .unwrap_or(true);
                let found: Vec<Location> =
                    navigate::references(analysis, &name, offset, declaration)
                        .iter()
                        .map(|(f, s)| location(f, s))
                        .collect();
                json(found)
            }
            req::Completion::METHOD => {
                let Some(offset) = at(&r.params) else {
                    return Ok(Value::Null);
                };
                json(complete::complete(analysis, &name, offset))
            }
            req::PrepareRenameRequest::METHOD => {
                let Some(offset) = at(&r.params) else {
                    return Ok(Value::Null);
                };
                match navigate::symbol_at(analysis, &name, offset) {
                    Some((_, span)) => json(lines.range(&span)),
                    None => Ok(Value::Null),
                }
            }
            req::Rename::METHOD => {
                let Some(offset) = at(&r.params) else {
                    return Ok(Value::Null);
                };
                let new_name = r
                    .params
                    .get("newName")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                match navigate::rename(analysis, &name, offset, new_name) {
                    Ok(renamed) => {
                        let mut edit = workspace_edit(analysis, &dir, &renamed.edits);
                        if let Some((from, to)) = renamed.file {
                            edit = with_file_rename(edit, &dir.join(from), &dir.join(to));
                        }
                        json(edit)
                    }
                    Err(navigate::Refused(why)) => Err(Answer::Error(
                        ErrorCode::RequestFailed,
                        format!("cannot rename: {why}"),
                    )),
                }
            }
            req::CodeActionRequest::METHOD => {
                let Ok(p) = serde_json::from_value::<CodeActionParams>(r.params.clone()) else {
                    return Ok(Value::Null);
                };
                let range = lines.offset(p.range.start)..lines.offset(p.range.end);
                let actions: Vec<CodeActionOrCommand> = actions::actions(analysis, &name, range)
                    .into_iter()
                    .map(|a| {
                        CodeActionOrCommand::CodeAction(CodeAction {
                            title: a.title,
                            kind: Some(CodeActionKind::from(a.kind.to_string())),
                            edit: Some(workspace_edit(analysis, &dir, &a.edits)),
                            is_preferred: a.fixes.as_ref().map(|_| true),
                            diagnostics: a.fixes.map(|code| {
                                p.context
                                    .diagnostics
                                    .iter()
                                    .filter(|d| {
                                        d.code == Some(NumberOrString::String(code.clone()))
                                    })
                                    .cloned()
                                    .collect()
                            }),
                            ..CodeAction::default()
                        })
                    })
                    .collect();
                json(actions)
            }
            req::Formatting::METHOD => match crate::cli::fmt::format(text) {
                Ok(formatted) if formatted != text => {
                    let edit = TextEdit {
                        range: lines.range(&(0..text.len())),
                        new_text: formatted,
                    };
                    json(vec![edit])
                }
                Ok(_) => json(Vec::<TextEdit>::new()),
                Err(e) => Err(Answer::Error(
                    ErrorCode::RequestFailed,
                    format!("cannot format: {e}"),
                )),
            },
            _ => Err(Answer::Error(
                ErrorCode::MethodNotFound,
                format!("errcat lsp does not answer `{}`", r.method),
            )),
        }
    }
}

enum Answer {
    Error(ErrorCode, String),
}

/// An answer as JSON.
fn json(value: impl serde::Serialize) -> Result<Value, Answer> {
    Ok(serde_json::to_value(value).unwrap_or(Value::Null))
}

/// `edit` as document changes, then the file renamed.
#[allow(
    clippy::mutable_key_type,
    reason = "lsp-types' Uri hashes and compares by its text"
)]
fn with_file_rename(edit: WorkspaceEdit, from: &Path, to: &Path) -> WorkspaceEdit {
    let mut operations: Vec<DocumentChangeOperation> = edit
        .changes
        .unwrap_or_default()
        .into_iter()
        .map(|(uri, edits)| {
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            })
        })
        .collect();
    operations.push(DocumentChangeOperation::Op(ResourceOp::Rename(
        RenameFile {
            old_uri: position::uri(from),
            new_uri: position::uri(to),
            options: None,
            annotation_id: None,
        },
    )));
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(operations)),
        ..WorkspaceEdit::default()
    }
}

#[allow(
    clippy::mutable_key_type,
    reason = "lsp-types' Uri hashes and compares by its text"
)]
fn workspace_edit(analysis: &Analysis, dir: &Path, edits: &analysis::Edits) -> WorkspaceEdit {
    let changes = edits
        .iter()
        .map(|(file, list)| {
            let text = analysis.text(file).unwrap_or("");
            let lines = LineIndex::new(text);
            let edits = list
                .iter()
                .map(|(span, to)| TextEdit {
                    range: lines.range(span),
                    new_text: to.clone(),
                })
                .collect();
            (position::uri(&dir.join(file)), edits)
        })
        .collect();
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

fn read_disk(dir: &Path) -> Sources {
    Sources::read_dir(dir, &dir.display().to_string()).unwrap_or_default()
}

/// An errcat diagnostic as the editor shows it, on the file of its primary
/// label: the same code, message, help and related locations as the CLI.
fn to_lsp(analysis: &Analysis, d: &crate::Diagnostic) -> (String, Diagnostic) {
    let primary = d.labels.iter().find(|l| l.primary).or(d.labels.first());
    let (name, range) = match primary {
        Some(label) => {
            let file = analysis.sources.file(label.file);
            (
                file.name.clone(),
                LineIndex::new(&file.text).range(&label.span),
            )
        }
        None => (
            crate::source::CATALOG_TOML.to_string(),
            lsp_types::Range::default(),
        ),
    };
    let related = d
        .labels
        .iter()
        .filter(|l| Some(*l) != primary || !l.message.is_empty())
        .map(|l| {
            let file = analysis.sources.file(l.file);
            DiagnosticRelatedInformation {
                location: Location::new(
                    position::uri(&analysis.dir.join(&file.name)),
                    LineIndex::new(&file.text).range(&l.span),
                ),
                message: if l.message.is_empty() {
                    d.message.clone()
                } else {
                    l.message.clone()
                },
            }
        })
        .collect::<Vec<_>>();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let severity = match d.severity {
        crate::Severity::Error => DiagnosticSeverity::ERROR,
        crate::Severity::Warning => DiagnosticSeverity::WARNING,
        crate::Severity::Note => DiagnosticSeverity::INFORMATION,
    };
    let diagnostic = Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("errcat".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    };
    (name, diagnostic)
}
