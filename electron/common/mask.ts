/** «••••1234»: enough for the patient and staff to recognise a policy, useless to anyone else. */
export function maskPolicy(policy: string): string {
  const digits = policy.replace(/\D/g, '');
  return `••••${digits.slice(-4)}`;
}
