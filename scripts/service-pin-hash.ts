// Prints the `service.pinHash` value for a service-mode PIN: `npx tsx scripts/service-pin-hash.ts`, then type
// the PIN (6–8 digits) or pipe it in. Only the salted scrypt hash goes into the config. Shorter
// PINs get no new hash; one made earlier from 4 or 5 digits still opens the keypad.
import { hashPin, NEW_PIN_FORMAT } from '../electron/core/service/pin';

async function readPin(): Promise<string> {
  const chunks: Buffer[] = [];
  process.stderr.write('PIN (6–8 цифр): ');
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

void readPin().then((pin) => {
  if (!NEW_PIN_FORMAT.test(pin)) {
    console.error('PIN должен состоять из 6–8 цифр (не меньше шести: четыре цифры подбираются слишком быстро)');
    process.exit(2);
  }
  console.log(JSON.stringify({ service: { pinHash: hashPin(pin) } }, null, 2));
});
