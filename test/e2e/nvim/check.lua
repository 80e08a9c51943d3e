-- Drives whosaid-ls from Neovim 0.7 (Debian bookworm), headless: attaches the server to each
-- file, waits for its diagnostics, asks for the code actions on one finding, applies one
-- action's edit, waits for the re-check, and writes what it saw as JSON.
-- Run: nvim --headless --clean -n -c "luafile check.lua"  with WHOSAID_E2E_CONFIG pointing at
-- {server, root, files = [{path, languageId}], action = {file, rule, titlePrefix}, out, timeoutMs}.

local function read(path)
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  return text
end

local function write(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

local cfg = vim.fn.json_decode(read(os.getenv('WHOSAID_E2E_CONFIG')))
local result = {files = {}, log = {}}

local function log(msg)
  table.insert(result.log, msg)
end

local function finish(code)
  write(cfg.out, vim.fn.json_encode(result))
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit ' .. code)
  end
end

-- Keep the raw LSP diagnostics as the server sent them, and count the publishes per buffer URI.
local raw, publishes = {}, {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  raw[params.uri] = params.diagnostics
  publishes[params.uri] = (publishes[params.uri] or 0) + 1
  return default_handler(err, params, ctx, config)
end

local language_ids = {}

local function main()
  local client_id = vim.lsp.start_client({
    name = 'whosaid',
    cmd = {'node', cfg.server, '--stdio'},
    root_dir = cfg.root,
    get_language_id = function(bufnr, filetype)
      return language_ids[bufnr] or filetype
    end,
    on_exit = function(code, signal)
      log('server exited: ' .. tostring(code) .. ' ' .. tostring(signal))
    end,
  })
  if not client_id then
    result.error = 'vim.lsp.start_client returned nil'
    return finish(2)
  end
  local client = vim.lsp.get_client_by_id(client_id)

  local buffers = {}
  for _, file in ipairs(cfg.files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
    local buf = vim.api.nvim_get_current_buf()
    language_ids[buf] = file.languageId
    vim.lsp.buf_attach_client(buf, client_id)
    buffers[file.path] = buf
  end

  for _, file in ipairs(cfg.files) do
    local buf = buffers[file.path]
    local uri = vim.uri_from_bufnr(buf)
    local got = vim.wait(cfg.timeoutMs, function()
      return #vim.diagnostic.get(buf) > 0
    end, 50)
    local diags = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(diags, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source,
        code = (raw[uri] and d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code,
      })
    end
    result.files[file.path] = {waited = got, diagnostics = diags, raw = raw[uri] or {}}
  end

  local a = cfg.action
  if a then
    local buf = buffers[a.file]
    local uri = vim.uri_from_bufnr(buf)
    local target
    for _, d in ipairs(raw[uri] or {}) do
      if d.code == a.rule then
        target = d
        break
      end
    end
    if not target then
      result.error = 'no ' .. a.rule .. ' diagnostic to act on'
      return finish(3)
    end
    local params = {
      textDocument = {uri = uri},
      range = target.range,
      context = {diagnostics = {target}},
    }
    local response, err = client.request_sync('textDocument/codeAction', params, cfg.timeoutMs, buf)
    if not response or response.err then
      result.error = 'codeAction failed: ' .. vim.inspect(err or response.err)
      return finish(4)
    end
    local titles, chosen = {}, nil
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if not chosen and action.edit and action.title:sub(1, #a.titlePrefix) == a.titlePrefix then
        chosen = action
      end
    end
    result.actionTitles = titles
    result.target = target
    if not chosen then
      result.error = 'no code action titled "' .. a.titlePrefix .. '..." with an edit'
      return finish(5)
    end
    result.applied = chosen.title
    result.textBefore = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    local before = publishes[uri] or 0
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    result.textAfter = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    -- The edit reaches the server as didChange; wait for its re-check of the document.
    local function still_there()
      for _, d in ipairs(raw[uri] or {}) do
        if d.code == target.code and d.range.start.line == target.range.start.line then
          return true
        end
      end
      return false
    end
    local rechecked = vim.wait(cfg.timeoutMs, function()
      return (publishes[uri] or 0) > before and not still_there()
    end, 50)
    result.rechecked = rechecked
    result.diagnosticsAfter = raw[uri] or {}
  end
  finish(0)
end

local ok, err = pcall(main)
if not ok then
  result.error = tostring(err)
  finish(1)
end
