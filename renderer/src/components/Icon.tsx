// Simple line icons drawn inline: no icon font, no external files, nothing for the CSP to block.
const PATHS = {
  back: 'M15 5l-7 7 7 7',
  forward: 'M9 5l7 7-7 7',
  restart: 'M4 12a8 8 0 1 0 2.6-5.9M4 4v5h5',
  up: 'M5 15l7-7 7 7',
  down: 'M5 9l7 7 7-7',
  backspace: 'M9 5h11v14H9l-6-7zM12 9l5 6M17 9l-5 6',
  check: 'M5 12.5l4.5 4.5L19 7',
  printer: 'M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z',
  alert: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5v6M12 16.5v.5',
  speaker: 'M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11',
  /** The access sign: a seated figure in a wheel (reach mode). */
  wheelchair: 'M10 2.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3M10 8v6h5.5l2.5 5.5M10 11h5M7 11.5a5.5 5.5 0 1 0 8 6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 36 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
