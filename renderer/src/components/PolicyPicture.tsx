// Where the 16 digits are: our own simplified drawing of the plastic policy card and of the
// paper policy of the unified form, the number drawn as the one coloured block on each. No
// text inside the drawing (it would be too small to read); the caption says it in words.
import { POLICY_LENGTH } from '../../../electron/common/rules';
import { useT } from '../i18n';

export function PolicyPicture() {
  const t = useT();
  return (
    <figure className="policy-picture" data-testid="policy-picture">
      <svg className="policy-svg" viewBox="0 0 330 130" role="img" aria-labelledby="policy-picture-caption">
        {/* The plastic card: chip, emblem, lines of text, the number under them. */}
        <g>
          <rect className="pp-sheet" x="4" y="14" width="168" height="106" rx="10" />
          <rect className="pp-band" x="4" y="14" width="168" height="22" rx="10" />
          <rect className="pp-band" x="4" y="26" width="168" height="10" />
          <rect className="pp-chip" x="16" y="46" width="24" height="18" rx="3" />
          <rect className="pp-text" x="50" y="48" width="84" height="5" rx="2" />
          <rect className="pp-text" x="50" y="58" width="62" height="5" rx="2" />
          <rect className="pp-number" x="12" y="76" width="152" height="22" rx="4" />
          {[0, 1, 2, 3].map((i) => (
            <rect key={i} className="pp-digits" x={20 + i * 36} y="84" width="28" height="6" rx="2" />
          ))}
          <rect className="pp-text" x="16" y="106" width="70" height="5" rx="2" />
        </g>
        {/* The paper policy: title at the top, the number right under it, text below. */}
        <g>
          <rect className="pp-sheet" x="206" y="4" width="120" height="122" rx="4" />
          <rect className="pp-text" x="224" y="14" width="84" height="5" rx="2" />
          <rect className="pp-text" x="236" y="23" width="60" height="5" rx="2" />
          <rect className="pp-number" x="214" y="34" width="104" height="18" rx="3" />
          {[0, 1, 2, 3].map((i) => (
            <rect key={i} className="pp-digits" x={220 + i * 24} y="40" width="20" height="6" rx="2" />
          ))}
          {[62, 72, 82, 92, 102, 112].map((y, i) => (
            <rect key={y} className="pp-text" x="218" y={y} width={i % 2 ? 70 : 96} height="4" rx="2" />
          ))}
        </g>
      </svg>
      <figcaption id="policy-picture-caption" className="policy-caption">
        {t('identify.picture', { digits: POLICY_LENGTH })}
      </figcaption>
    </figure>
  );
}
