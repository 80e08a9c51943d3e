// A stand-in for vscode-languageclient/node: records the client options (the middleware under test)
// and answers whosaid/sourcingReport with whatever the test put in `answer.report`.
export const answer = {report: null as unknown, requests: [] as {method: string; params: unknown}[], client: null as LanguageClient | null};

export enum TransportKind {
  stdio = 0,
  ipc = 1
}

export class LanguageClient {
  constructor(
    public id: string,
    public name: string,
    public serverOptions: unknown,
    public clientOptions: {middleware?: Record<string, (...args: unknown[]) => unknown>}
  ) {
    answer.client = this;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  isRunning(): boolean {
    return true;
  }
  async sendRequest<T>(method: string, params: unknown): Promise<T> {
    answer.requests.push({method, params});
    return answer.report as T;
  }
}
