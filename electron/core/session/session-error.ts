/** There is no patient session: never identified, ended by the patient, or wiped on idle. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
}
