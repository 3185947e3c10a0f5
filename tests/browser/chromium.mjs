// Debian's headless Chromium (never downloaded) and the flags that keep it quiet and off the
// network, shared by the browser tests and the benchmark.
export const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const args = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
];
