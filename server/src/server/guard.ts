// Crash containment: a handler that throws is logged and answered with an error; the server keeps serving.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node.js';

export function guardRequest<P extends unknown[], R>(connection: Connection, name: string, handler: (...args: P) => R | Promise<R>) {
  return async (...args: P): Promise<R | ResponseError<void>> => {
    try {
      return await handler(...args);
    } catch (e) {
      connection.console.error(`Blueprint Lint: ${name} failed: ${describe(e)}`);
      return new ResponseError<void>(ErrorCodes.InternalError, `Blueprint Lint: ${name} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}

export function guardNotification<P extends unknown[]>(connection: Connection, name: string, handler: (...args: P) => void | Promise<void>) {
  return (...args: P): void => {
    try {
      const pending = handler(...args);
      if (pending) pending.catch((e: unknown) => connection.console.error(`Blueprint Lint: ${name} failed: ${describe(e)}`));
    } catch (e) {
      connection.console.error(`Blueprint Lint: ${name} failed: ${describe(e)}`);
    }
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
