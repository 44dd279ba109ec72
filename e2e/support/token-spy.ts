// The proxy between the kiosk core and the simulator: it sees every COD token the MIS issues,
// on the wire, so the tests can prove none of them ever reaches the page, and it can lose or
// spoil answers the way a bad network does (simulator/fault-proxy.ts).
export { startFaultProxy as startTokenSpy, type FaultProxy as TokenSpy } from '../../simulator/fault-proxy';
