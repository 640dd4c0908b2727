/**
 * A page holding only the Plan panel, for its end-to-end test (the app's main.ts is wired by the lead).
 * The callbacks record what they receive on `window.__plan`; a frame counter shows the page stays
 * responsive while the planner works.
 */
import type { Scenario } from '../../../src/sim/scenario';
import '../../../src/ui/style.css';
import { mountPlanPanel } from '../../../src/ui/plan/panel';

const scenario: Scenario = {
  name: 'harness',
  clientUtcOffsetHours: -6,
  horizon: { days: 1, intervalMinutes: 30 },
  channels: {
    voice: {
      volumePerDay: 1500,
      profile: Array.from({ length: 48 }, (_, j) =>
        j < 14 ? 0.4 : j < 20 ? 2 : j < 36 ? 4 : j < 42 ? 2 : 0.6,
      ),
      handleTime: { dist: 'lognormal', mean: 300, cv: 0.8 },
      patience: { dist: 'exponential', mean: 150 },
      target: { percent: 80, withinSeconds: 20 },
    },
  },
  sites: [
    {
      id: 'dallas',
      name: 'Dallas',
      location: 'onshore',
      utcOffsetHours: -6,
      hours: { open: '08:00', close: '20:00' },
      groups: [{ id: 'voice', skills: ['voice'], agents: 20 }],
      shrinkage: 0.3,
      cost: { hourlyRate: 28, overheadRate: 0.25 },
    },
    {
      id: 'manila',
      name: 'Manila',
      location: 'offshore',
      utcOffsetHours: 8,
      hours: '24/7',
      groups: [{ id: 'voice', skills: ['voice'], agents: 5 }],
      cost: { hourlyRate: 12 },
      handleTimeFactor: 1.15,
    },
  ],
  routing: { voice: { split: { dallas: 0.8, manila: 0.2 } } },
};

interface Recorded {
  current: Scenario;
  applied: Scenario | null;
  saved: { scenario: Scenario; name: string } | null;
  forecast: Scenario | null;
}
const rec: Recorded = { current: scenario, applied: null, saved: null, forecast: null };
(window as unknown as { __plan: Recorded }).__plan = rec;

mountPlanPanel(document.getElementById('host')!, {
  getScenario: () => rec.current,
  onApply: (s) => (rec.applied = s),
  onSaveVariant: (s, name) => (rec.saved = { scenario: s, name }),
  onForecast: (s) => {
    rec.forecast = s;
    rec.current = s;
  },
});

let frames = 0;
const counter = document.getElementById('frames')!;
const tick = () => {
  counter.textContent = String(++frames);
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
document.body.dataset.ready = 'true';
