export { createFileLogger, RotatingFile, type FileLogger, type FileLoggerOptions, type LogLevel } from './file-logger';
export { redact, redactString, isSecretKey, REDACTED } from './redact';
export { tailLogger, type TailLogger } from './log-tail';
