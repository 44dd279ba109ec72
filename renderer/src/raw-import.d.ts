// Vite's `?raw` import (a file's text), used by tests that run a plain script such as boot/boot.js.
declare module '*?raw' {
  const text: string;
  export default text;
}
