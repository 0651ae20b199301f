// V8 flags the CLI sets on itself before any of its code is compiled (the code cache is keyed on them).
// Less inlining per optimised function (V8's default budget is 920 bytes of bytecode): each thread compiles the
// parser's hot code again, and with the smaller budget a worker used 12% less CPU in all (docs/performance.md, run 11).
// No regexp tier-up: by default a regular expression is compiled to bytecode, then again to native code from its
// second run; the phrase matcher's expressions run a few times each in a short run, so compiling once saves the first
// (docs/performance.md, session 8).
// A 3x interrupt budget (V8's default is 67,584): a function is optimised only after three times the work in Ignition and
// Sparkplug, so the loops run once at start-up (the phrase matchers' construction, their buckets' first use) are no
// longer handed to TurboFan; its compiles were a fifth of a one-file run's instructions (docs/performance.md, session 11).
export const CLI_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=400 --no-regexp-tier-up --interrupt-budget=202752';
