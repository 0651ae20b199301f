// The parse cache: a chunk's syntax tree by the chunk's text, two generations (the chunks of the latest version).
import type { Root } from 'mdast';
import { Generations } from './memo.js';

/** Parsed chunk trees by chunk text: an edit re-parses only the chunks it touched (editors keep one per open document). */
export class ChunkCache extends Generations<Root> {}
