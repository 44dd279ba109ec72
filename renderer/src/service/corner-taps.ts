// The hidden way into service mode: five taps in the top-left corner within three seconds.
// A patient does not tap an empty corner five times by accident; a technician knows to. Taps on
// a control (the «Назад» button reaches near the corner) never count, so the gesture cannot
// steal or repeat a patient's action.

export const CORNER_PX = 120;
export const TAPS = 5;
export const WINDOW_MS = 3000;

export interface CornerTaps {
  /** Feeds one tap; true when it completes the gesture (the count then starts again). */
  tap(x: number, y: number, onControl: boolean, at: number): boolean;
}

export function createCornerTaps(opts: { corner?: number; taps?: number; windowMs?: number } = {}): CornerTaps {
  const corner = opts.corner ?? CORNER_PX;
  const taps = opts.taps ?? TAPS;
  const windowMs = opts.windowMs ?? WINDOW_MS;
  let times: number[] = [];
  return {
    tap(x, y, onControl, at) {
      if (onControl || x > corner || y > corner) {
        // A tap anywhere else breaks the series.
        times = [];
        return false;
      }
      times = [...times.filter((t) => at - t <= windowMs), at];
      if (times.length < taps) return false;
      times = [];
      return true;
    },
  };
}
