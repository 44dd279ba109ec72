/** A service method called with no open service session: a renderer alone cannot open one. */
export class ServiceModeError extends Error {
  override readonly name = 'ServiceModeError';
  constructor(detail = 'no service session') {
    super(detail);
  }
}
