// Starts `errcat lsp` for the TOML files of a workspace with a catalog; the
// server answers only for files in a catalog folder.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("errcat").get("path", "errcat");
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "errcat",
    "errcat",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "toml" },
        { scheme: "file", pattern: "**/errcat.lock" },
      ],
    },
  );
  context.subscriptions.push({ dispose: () => client?.stop() });
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
