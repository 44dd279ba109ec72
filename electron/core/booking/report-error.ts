// The renderer's error boundary reports render errors here, so a blank-screen bug leaves a
// trace in the log. The input carries no patient data (see ReportErrorInputSchema).
import type { ReportErrorInput } from '../../common/bridge-contract';
import type { Logger } from '../ports';

export const reportRendererError =
  (log: Logger) =>
  async ({ message, where }: ReportErrorInput): Promise<null> => {
    log.error('renderer.error', { message, where });
    return null;
  };
