import { afterEach } from 'vitest';
import { cleanupRendered } from './render';

// Tells React that updates are wrapped in act(), so it flushes them before assertions run.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(async () => {
  await cleanupRendered();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.lang = '';
});
