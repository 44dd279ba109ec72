// The service-mode PIN of every e2e kiosk. Only its hash goes into the config (as on a real
// kiosk); the specs type the PIN on the keypad like a technician.
export const E2E_SERVICE_PIN = '246810';
/** `echo 246810 | npx tsx scripts/service-pin-hash.ts` */
export const E2E_SERVICE_PIN_HASH = 'scrypt$15$8$1$dLYZ4ZcxFmZ9T8yIzCkZ6w==$KXLcGUVUE8/MtPjxQTvzLLWt/+5u2yG8N/RZROhL1vs=';
