import type { Ticket } from '../../../electron/common/bridge-contract';
import { appointmentText } from '../../../electron/common/appointment-text';
import { qrGeometry } from '../../../electron/common/qr-svg';
import { useLocaleTag, useT } from '../i18n';
import { useTimeZone } from '../store/hooks';

/** The appointment in a QR code on screen, for a phone's camera when no slip came out. */
export function TicketQr({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const tag = useLocaleTag();
  const tz = useTimeZone();
  const text = appointmentText(ticket, tz, t, tag);
  const quiet = 4;
  const g = qrGeometry(text, 1, quiet, quiet);
  const size = g.modules + quiet * 2;
  return (
    <figure className="ticket-qr" data-testid="ticket-qr" data-text={text}>
      <svg viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" role="img" aria-label={t('ticket.qrLabel')}>
        <rect width={size} height={size} fill="#fff" />
        <path d={g.path} fill="#000" />
      </svg>
      <figcaption>{t('ticket.qrCaption')}</figcaption>
    </figure>
  );
}
