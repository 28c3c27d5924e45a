-- Driven by test/editor/neovim.test.ts through headless Neovim: starts the built server with
-- Neovim's own LSP client (or finds the one an init file started, as the README's set-up does),
-- opens the values file, waits for its diagnostics, asks for a completion of Bit Harbor tags, a
-- tag's hover, a mount's volume names and a key's provenance, and writes what Neovim received as
-- JSON, with every message the server showed and every request it made of the user. The
-- assertions are in the node:test file; this script only reports, and exits 0 unless it could
-- not run at all.
local server = os.getenv('BIT_HARBOR_SERVER')
local file = assert(os.getenv('BIT_HARBOR_FILE'), 'BIT_HARBOR_FILE')
local out = assert(os.getenv('BIT_HARBOR_OUT'), 'BIT_HARBOR_OUT')
-- JSON of the `bitHarbor` settings; unset, the script starts no client (an init file does).
local settings = os.getenv('BIT_HARBOR_SETTINGS')
-- A tag completion must offer once the catalogue is fetched (polled for: the fetch is async).
local expectTag = os.getenv('BIT_HARBOR_EXPECT_TAG')

local report = { errors = {}, messages = {}, requests = {} }

-- Neovim's own handlers stay in charge; these only note what came. A showMessageRequest would
-- stop a real session at a `Request Actions` prompt, so it is answered with nothing here.
local showMessage = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(report.messages, result and result.message or '')
  return showMessage(err, result, ctx, config)
end
vim.lsp.handlers['window/showMessageRequest'] = function(_, result)
  table.insert(report.requests, result and result.message or '')
  return vim.NIL
end
local function finish()
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(report))
  handle:close()
  vim.cmd('qa!')
end

-- The markdown of the hover at (line, character), '' when none came.
function hoverText(bufnr, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
  local text = ''
  for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}) do
    local contents = response.result and response.result.contents
    if type(contents) == 'table' then text = text .. (contents.value or vim.inspect(contents)) end
  end
  return text
end

local ok, problem = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[bufnr].filetype
  local client_id
  if settings then
    client_id = vim.lsp.start_client({
      name = 'bit-harbor-values',
      cmd = { 'node', assert(server, 'BIT_HARBOR_SERVER'), '--stdio' },
      root_dir = vim.fn.fnamemodify(file, ':h'),
      settings = { bitHarbor = vim.fn.json_decode(settings) },
      -- Neovim 0.7 neither announces nor sends settings by itself: pushed as the README says.
      on_init = function(client)
        client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
      end,
    })
    assert(client_id, 'the client did not start')
    vim.lsp.buf_attach_client(bufnr, client_id)
  else
    vim.wait(10000, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 50)
    client_id = next(vim.lsp.buf_get_clients(bufnr))
    assert(client_id, 'the init file started no client for the buffer')
  end

  report.diagnosticsArrived = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  report.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(report.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code })
  end

  -- Complete the tag after the registry: drop the typo'd tag, as a user about to retype it would.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for index, line in ipairs(lines) do
    local prefix = line:match('^(%s*reference: ghcr%.io/doublewordai/bit%-harbor:)')
    if prefix then
      vim.api.nvim_buf_set_lines(bufnr, index - 1, index, false, { prefix })
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = index - 1, character = #prefix } }
      local deadline = vim.loop.now() + 20000
      repeat
        local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000) or {}
        report.completion = {}
        for _, response in pairs(responses) do
          if response.err then table.insert(report.errors, vim.inspect(response.err)) end
          local items = response.result and (response.result.items or response.result) or {}
          for _, item in ipairs(items) do table.insert(report.completion, item.label) end
        end
        local offered = not expectTag or vim.tbl_contains(report.completion, expectTag)
        if not offered then vim.wait(250) end
      until offered or vim.loop.now() > deadline
      -- The tag completed: its hover gives the model's size.
      vim.api.nvim_buf_set_lines(bufnr, index - 1, index, false, { prefix .. 'llama-3.1-8b-instruct' })
      report.tagHover = hoverText(bufnr, index - 1, #prefix + 3)
      break
    end
  end

  -- A mount's name, emptied: completion offers the group's volumes.
  lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local inMounts = false
  for index, line in ipairs(lines) do
    if line:match('^%s*volumeMounts:') then inMounts = true end
    local prefix = inMounts and line:match('^(%s*%- name: )weights$')
    if prefix then
      vim.api.nvim_buf_set_lines(bufnr, index - 1, index, false, { prefix })
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = index - 1, character = #prefix } }
      report.volumeCompletion = {}
      for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000) or {}) do
        local items = response.result and (response.result.items or response.result) or {}
        for _, item in ipairs(items) do table.insert(report.volumeCompletion, item.label) end
      end
      vim.api.nvim_buf_set_lines(bufnr, index - 1, index, false, { prefix .. 'weights' })
      break
    end
  end

  -- Where a key's value comes from.
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local column = line:find('containerPort:', 1, true)
    if column then
      report.keyHover = hoverText(bufnr, index - 1, column + 2)
      break
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(report.errors, tostring(problem)) end
finish()
