// Preload (--import) that makes every `import 'micromark'` load the micromark@4.0.3 copy (devDependency alias `micromark-403`).
// mdast-util-from-markdown keeps its own nested micromark 4.0.2 (the project's override); a resolve hook is the only way to swap it
// without a second install. Each redirect is reported back, so the bench can prove the swap happened.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
export const redirects = [];
port1.on('message', (m) => redirects.push(m));
port1.unref();
register('./micromark-403-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
globalThis.__micromarkRedirects = redirects;
