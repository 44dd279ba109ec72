// While a technician has the screen (service mode), no patient session may start underneath it:
// not by the identify call, not by a scan.
import { describe, expect, it } from 'vitest';
import { KioskConfigSchema } from '../config/schema';
import type { Mis } from '../mis/port';
import { silentLogger } from '../ports';
import type { ServiceMode } from '../service/service-mode';
import { PatientSession } from '../session/patient-session';
import { SessionError } from '../session/session-error';
import { createKioskService } from './kiosk-service';
import { BookingLedger } from './ledger';

describe('patients wait while service mode is open', () => {
  it('identify is refused and never reaches the MIS; it works again once the technician has left', async () => {
    let asked = 0;
    const mis = { kind: 'softrust', capabilities: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true } } as unknown as Mis;
    const session = new PatientSession(
      {
        getToken: async () => {
          asked++;
          return { token: 't', expiresIn: null };
        },
      },
      { idleMs: 60_000 },
    );
    let open = true;
    const serviceMode = { active: () => open } as unknown as ServiceMode;
    const config = KioskConfigSchema.parse({ api: { baseUrl: 'https://mis.example.ru/api' } });
    const service = createKioskService({ config, mis, session, ledger: new BookingLedger(), log: silentLogger, slipPrinter: null, serviceMode });
    await expect(service.identify({ policy: '5000000000000001', birthDate: '1980-01-15' })).rejects.toBeInstanceOf(SessionError);
    expect(asked).toBe(0);
    expect(session.active).toBe(false);
    open = false;
    await expect(service.identify({ policy: '5000000000000001', birthDate: '1980-01-15' })).resolves.toEqual({ policyMasked: '••••0001' });
    expect(asked).toBe(1);
    session.end('shutdown');
  });
});
