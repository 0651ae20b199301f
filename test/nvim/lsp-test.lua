-- Headless Neovim (0.7 API, also runs on 0.8+) against blueprint-lint-server --stdio, using only the built-in LSP client.
-- Run by test/nvim/run.sh: SERVER_JS=... nvim --headless --clean FILE -c 'luafile test/nvim/lsp-test.lua'
local server_js = assert(os.getenv('SERVER_JS'), 'SERVER_JS not set')
local node = os.getenv('NODE') or 'node'
local wait_ms = tonumber(os.getenv('NVIM_TEST_WAIT_MS') or '60000')
local passed, failed = 0, 0

local function say(line)
  io.stdout:write(line .. '\n')
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say('ok   ' .. name)
  else
    failed = failed + 1
    say('FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end

local function finish()
  say(string.format('nvim: %d passed, %d failed', passed, failed))
  if failed == 0 and passed > 0 then vim.cmd('qall!') else vim.cmd('cquit! 1') end
end

local function rule_code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function to_lsp(d)
  return {
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    message = d.message, source = d.source, severity = d.severity, code = rule_code(d),
  }
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local config = {
    name = 'blueprint-lint',
    cmd = { node, server_js, '--stdio' },
    root_dir = os.getenv('WORKSPACE') or vim.fn.fnamemodify(fname, ':p:h'),
    settings = { blueprintLint = { debounceMs = 0 } },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  if not check('client started (nvim 0.' .. vim.version().minor .. ')', client_id ~= nil) then return end

  -- 1. diagnostics pushed by the server
  local got = vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  if not check('diagnostics arrive', got, 'none within ' .. wait_ms .. ' ms') then return end
  local diags = vim.diagnostic.get(bufnr)
  local d = diags[1]
  check('one diagnostic', #diags == 1, tostring(#diags))
  check('rule code benefit-needs-support', rule_code(d) == 'benefit-needs-support', tostring(rule_code(d)))
  check('on the promise (line 12, column 55)', d.lnum == 11 and d.col == 54 and d.end_col == 72,
    string.format('%d:%d-%d', d.lnum, d.col, d.end_col))
  check('message names the step and the benefit',
    d.message == 'Name the employee resource, tool or authority behind "in under 2 minutes": step "Check-in" promises it but names none.', d.message)
  check('source blueprint-lint and severity warning', d.source == 'blueprint-lint' and d.severity == vim.diagnostic.severity.WARN)

  -- 2. the custom status request
  local status = vim.lsp.buf_request_sync(bufnr, 'blueprintLint/status', { uri = vim.uri_from_bufnr(bufnr) }, wait_ms) or {}
  local st = status[client_id] and status[client_id].result
  check('blueprintLint/status', st ~= nil and st.isBlueprint == true and st.steps == 3 and st.problems == 1, vim.inspect(st))

  -- 3. code actions for the diagnostic
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = to_lsp(d).range,
                   context = { diagnostics = { to_lsp(d) }, only = { 'quickfix' } } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, wait_ms) or {}
  local actions = (responses[client_id] and responses[client_id].result) or {}
  local action = actions[1]
  if not check('quick fixes offered', action ~= nil, 'no code action returned') then return end
  check('first is the preferred "Add a support lane"', action.title == 'Add a support lane to "Check-in"' and action.isPreferred == true, action.title)

  -- 4. resolve it (Neovim advertises resolveSupport, so the edit comes from codeAction/resolve, as its own code_action does)
  check('offered without an edit, to be resolved', action.edit == nil and action.data ~= nil, vim.inspect(action.edit))
  local resolved = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', action, wait_ms) or {}
  local edit = resolved[client_id] and resolved[client_id].result and resolved[client_id].result.edit
  if not check('codeAction/resolve gives the edit', edit ~= nil, vim.inspect(resolved[client_id])) then return end

  -- 5. apply it: the lane is inserted after the step's last lane, the diagnostic now says the lane is a placeholder
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  local inserted = vim.api.nvim_buf_get_lines(bufnr, 13, 14, false)[1]
  check('edit inserts the support lane', inserted == '- **Support:** TBD', inserted)
  local placeholder = vim.wait(wait_ms, function()
    local now = vim.diagnostic.get(bufnr)
    return #now == 1 and now[1].message:find('Fill in the placeholder support lane', 1, true) ~= nil
  end, 50)
  check('diagnostic re-published for the placeholder', placeholder, vim.inspect(vim.tbl_map(function(x) return x.message end, vim.diagnostic.get(bufnr))))

  -- 6. fill the placeholder: the diagnostic goes away
  vim.api.nvim_buf_set_lines(bufnr, 13, 14, false, { '- **Support:** Keys are pre-encoded by the night audit.' })
  local cleared = vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  check('filling the placeholder clears the diagnostic', cleared)

  vim.lsp.stop_client(client_id)
end)
if not ok then check('no Lua error', false, tostring(err)) end
finish()
