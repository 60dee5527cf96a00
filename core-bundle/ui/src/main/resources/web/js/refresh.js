// Keeping what the screen shows up to date: a task run again a fixed time after its last run
// ended (never two at once), skipped while the browser tab is hidden or the caller holds it.
// The partners page refreshes its table with it; the shell its crisis alerts. Their requests
// say `background: true` (api.js), so that they do not keep an unattended session alive.

/**
 * Runs `task` every `intervalMs` until the returned function is called or `keepGoing` says
 * no. `skip` is asked before each turn (a paused page, nobody at the screen).
 */
export function every(intervalMs, task, { skip = () => false, keepGoing = () => true } = {}) {
  let timer = null;
  let stopped = false;
  function schedule() {
    timer = setTimeout(async () => {
      try {
        if (!skip() && document.visibilityState !== 'hidden') await task();
      } finally {
        if (!stopped && keepGoing()) schedule();
      }
    }, intervalMs);
  }
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
