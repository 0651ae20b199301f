#!/usr/bin/env node
// Launcher of the Blueprint Lint language server (LSP over --stdio, --node-ipc or --socket=PORT).
import '../out/server/src/server/main.js';
