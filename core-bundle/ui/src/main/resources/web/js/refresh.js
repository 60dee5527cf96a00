// Keeping what the screen shows up to date: a task run again a fixed time after its last run
// ended (never two at once), skipped while the browser tab is hidden or the caller holds it.
// The partners page refreshes its table with it; the shell its crisis alerts.

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

// Every request to the platform counts as a use of the session, so a refresh that ran on an
// unattended screen would keep the session open past its idle timeout. What refreshes in the
// background therefore asks first whether someone used the page lately.
let lastInput = Date.now();
for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart']) {
  window.addEventListener(type, () => { lastInput = Date.now(); }, { capture: true, passive: true });
}

/** Whether someone pressed a key, moved or clicked the pointer or scrolled within `ms`. */
export function usedWithin(ms) {
  return Date.now() - lastInput < ms;
}
