// The whosaid language server. Editor-neutral: everything VS Code-specific lives in the client.
// server-state.ts holds what the server keeps (one record per open document), checking.ts checks and
// publishes, lifecycle.ts, features.ts and commands.ts answer the client.
import type {Connection} from 'vscode-languageserver';
import type {Arrivals} from './arrivals';
import {registerCommands} from './commands';
import {registerFeatures} from './features';
import {registerLifecycle} from './lifecycle';
import {ServerState} from './server-state';

export function startServer(connection: Connection, arrivals?: Pick<Arrivals, 'newer'>): void {
  const state = new ServerState(connection, arrivals);
  registerLifecycle(state);
  registerFeatures(state);
  registerCommands(state);
  state.documents.listen(connection);
  connection.listen();
}
