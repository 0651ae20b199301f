import { lint } from '../engine/index.js';
import type { ConfigResolver } from './configResolver.js';
import { explain } from './explain.js';
import { inspectModel } from './inspect.js';
import { emit, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { lintableText, singleTarget } from './targets.js';

/** `blueprint-lint inspect FILE`: the blueprint model as the rules see it. */
export async function inspectCommand(options: CliOptions, io: CliIo, configs: ConfigResolver): Promise<number> {
  const target = await singleTarget(options, io, configs.maxFileSize.bytes);
  if (!target) return EXIT_USAGE;
  const config = configs.forFile(target.file.absolutePath);
  const text = lintableText(target.source, target.file, io);
  if (text === undefined) return EXIT_USAGE;
  const result = lint(text, { filePath: target.file.absolutePath, config });
  const model = options.explain ? { ...inspectModel(result), explain: explain(text, target.file.absolutePath, config, result) } : inspectModel(result);
  await emit(options, io, `${JSON.stringify(model, null, 2)}\n`);
  return configs.hadErrors ? EXIT_USAGE : EXIT_OK;
}
