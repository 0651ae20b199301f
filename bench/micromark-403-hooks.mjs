// Module resolve hook (runs on the loader thread): `micromark` and `micromark/*` resolve to the `micromark-403` alias.
let port;

export function initialize(data) {
  port = data?.port;
}

export async function resolve(specifier, context, next) {
  if (specifier === 'micromark' || specifier.startsWith('micromark/')) {
    const result = await next(`micromark-403${specifier.slice('micromark'.length)}`, context);
    port?.postMessage({ from: context.parentURL, to: result.url });
    return result;
  }
  return next(specifier, context);
}
