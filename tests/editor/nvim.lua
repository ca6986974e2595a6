-- Neovim's own LSP client against `errcat lsp`: open a catalog file, break
-- it, see errcat's diagnostic; hover a code, complete a key, jump to a
-- retry policy's definition. Run by scripts/editor_e2e.sh:
--   ERRCAT=... CATALOG=... nvim --headless --noplugin -u NONE -c "luafile tests/editor/nvim.lua"
-- Works with Neovim 0.7 (Debian 12's) and later.

local errcat = assert(os.getenv("ERRCAT"), "ERRCAT is the errcat binary")
local catalog = assert(os.getenv("CATALOG"), "CATALOG is a catalog folder")
local failures = 0

local function check(ok, what, detail)
  io.stderr:write((ok and "ok   " or "FAIL ") .. what .. (ok and "" or (": " .. vim.inspect(detail))) .. "\n")
  if not ok then failures = failures + 1 end
end

local function finish()
  io.stderr:write(failures == 0 and "all checks passed\n" or (failures .. " checks failed\n"))
  vim.cmd(failures == 0 and "qall!" or "cquit 1")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. catalog .. "/card.toml")
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ name = "errcat", cmd = { errcat, "lsp" }, root_dir = catalog })
  vim.lsp.buf_attach_client(buf, id)
  check(vim.wait(20000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized
  end, 50), "the server starts and initializes")

  -- A duplicate numeric: errcat's diagnostic, on the edited line.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local target
  for i, line in ipairs(lines) do
    if line == "numeric = 1001" then target = i end
  end
  vim.api.nvim_buf_set_lines(buf, target - 1, target, false, { "numeric = 1000" })
  check(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50), "a bad edit gets a diagnostic")
  local found = false
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.message:find("used twice") and d.lnum == target - 1 and d.severity == vim.diagnostic.severity.ERROR then found = true end
  end
  check(found, "the diagnostic is errcat's duplicate numeric, on the edited line", vim.diagnostic.get(buf))
  vim.api.nvim_buf_set_lines(buf, target - 1, target, false, { "numeric = 1001" })
  check(vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 50), "mending it clears the diagnostic")

  -- Hover on the first code's name.
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = 0, character = 2 } }
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
  local text = hover and hover[id] and hover[id].result and hover[id].result.contents.value or ""
  check(text:find("Card declined") ~= nil and text:find("```json") ~= nil, "hover shows the code's docs and an example body", text)

  -- Completion of a code table's keys on an empty line inside it.
  local empty
  lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    if line == "" then empty = i; break end
  end
  params.position = { line = empty - 1, character = 0 }
  local items = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 10000)
  local labels = {}
  for _, item in ipairs(items and items[id] and items[id].result or {}) do labels[item.label] = true end
  check(labels["deprecated"] and labels["retry"] and not labels["title"], "completion offers the keys a code may still have", labels)

  -- Definition of a retry policy named in catalog.toml.
  vim.cmd("edit " .. catalog .. "/catalog.toml")
  local cbuf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(cbuf, id)
  local clines = vim.api.nvim_buf_get_lines(cbuf, 0, -1, false)
  local use, def
  for i, line in ipairs(clines) do
    if line:find('^retry = "retry_soon"') then use = i end
    if line == "[retry.retry_soon]" then def = i end
  end
  params = { textDocument = vim.lsp.util.make_text_document_params(cbuf), position = { line = use - 1, character = 10 } }
  local result = vim.lsp.buf_request_sync(cbuf, "textDocument/definition", params, 10000)
  local location = result and result[id] and result[id].result or {}
  check(location.range ~= nil and location.range.start.line == def - 1, "definition jumps to the retry policy's table", location)
end)
check(ok, "the script ran", err)
finish()
