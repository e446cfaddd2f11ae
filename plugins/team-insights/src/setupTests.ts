import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. The
// charts render at zero size in tests, which is why tests read the data
// tables and accessible names that accompany every chart.
if (!('ResizeObserver' in window)) {
  (window as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// A busy machine (a CI runner, a laptop building something else) can take
// longer than jest's 5 s and Testing Library's 1 s to render a whole tab; the
// tests wait for what a user would see, so give them time instead of failing
// on speed.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
