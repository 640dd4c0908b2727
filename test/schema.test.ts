import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema';
import { parseScenarioText, validateScenario, type ScenarioResult } from '../src/scenario/validate';
import { closestMatch, editDistance, formatPath } from '../src/scenario/text';

const scenariosDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const scenarioFiles = readdirSync(scenariosDir).filter(
  (f) => f.endsWith('.json') && f !== 'scenario.schema.json',
);

type Obj = Record<string, unknown>;
type Site = Obj & { groups: Obj[]; cost: Obj };

/** The smallest complete scenario (SPEC §0), loosely typed so tests can break it. */
function minimal(): Obj & { channels: Obj & { voice: Obj }; sites: Site[]; horizon: Obj; routing: Obj } {
  return {
    $schema: './scenario.schema.json',
    name: 'one-site-voice',
    description: 'One onshore site answering calls around the clock.',
    clientUtcOffsetHours: -5,
    horizon: { days: 1, intervalMinutes: 30 },
    channels: {
      voice: {
        volumePerDay: 2400,
        handleTime: { dist: 'exponential', mean: 300 },
        patience: { dist: 'exponential', mean: 180 },
        target: { percent: 80, withinSeconds: 20 },
      },
    },
    sites: [
      {
        id: 'home',
        name: 'Home office',
        location: 'onshore',
        utcOffsetHours: -5,
        hours: '24/7',
        groups: [{ id: 'voice', skills: ['voice'], agents: 10 }],
        shrinkage: 0,
        cost: { hourlyRate: 32, overheadRate: 0, telecomPerMinute: 0, perContactFee: 0 },
      },
    ],
    routing: { voice: { split: { home: 1 } } },
  };
}

function problemsOf(result: ScenarioResult): string[] {
  if (result.ok) throw new Error('expected problems, got a valid scenario');
  return result.problems;
}

function problems(value: unknown): string[] {
  return problemsOf(validateScenario(value));
}

describe('scenario files', () => {
  it('has at least 8 scenarios', () => {
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(scenarioFiles)('%s validates, names itself after its file and links the schema', (file) => {
    const result = parseScenarioText(readFileSync(scenariosDir + file, 'utf8'));
    if (!result.ok) throw new Error(`${file}:\n${result.problems.join('\n')}`);
    expect(result.scenario.name).toBe(file.replace(/\.json$/, ''));
    expect(result.scenario.$schema).toBe('./scenario.schema.json');
    expect(result.scenario.description?.length).toBeGreaterThan(0);
  });

  it('scenario.schema.json is up to date', () => {
    const committed = readFileSync(scenariosDir + 'scenario.schema.json', 'utf8');
    expect(
      committed === scenarioJsonSchemaText(),
      'scenarios/scenario.schema.json is out of date: run `npm run schema`',
    ).toBe(true);
  });

  it('the JSON Schema documents defaults and descriptions', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.horizon.default).toEqual({ days: 1, intervalMinutes: 30 });
    expect(schema.properties.channels.properties.voice.properties.priority.default).toBe(4);
    expect(schema.properties.channels.properties.email.properties.priority.default).toBe(1);
    // Live channels abandon unless told otherwise: a realistic patience by default (DOMAIN.md), and
    // only an explicit null means "never abandons".
    const channel = (k: string) => schema.properties.channels.properties[k].properties.patience;
    expect(channel('voice').default).toEqual({ dist: 'exponential', mean: 120 });
    expect(channel('chat').default).toEqual({ dist: 'exponential', mean: 240 });
    expect(channel('email').default).toBeNull();
    expect(channel('social').default).toBeNull();
    expect(channel('voice').description).toMatch(/absent = exponential, mean 120 s.*null = never abandons/);
    expect(typeof schema.properties.sites.description).toBe('string');
  });
});

describe('the SPEC example', () => {
  it('is valid and keeps optional fields optional', () => {
    const result = validateScenario(minimal());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.sites[0].handleTimeFactor).toBeUndefined();
      expect(result.scenario.channels.voice?.wrapUp).toBeUndefined();
    }
  });

  it('does not modify the value it validates', () => {
    const value = minimal();
    const copy = structuredClone(value);
    validateScenario(value);
    expect(value).toEqual(copy);
  });
});

describe('bad scenarios', () => {
  it('reports a wrong type', () => {
    const s = minimal();
    (s.channels.voice as Record<string, unknown>).volumePerDay = 'lots';
    expect(problems(s)).toEqual(['channels.voice.volumePerDay: must be a number, not the text "lots"']);
  });

  it('reports a missing required field', () => {
    const s = minimal() as Record<string, unknown>;
    delete s.name;
    expect(problems(s)).toEqual(['name: is required']);
  });

  it('(v3) reports bad customer-return fields by name, and keeps them optional', () => {
    const s = minimal();
    const v = s.channels.voice!;
    v.repeatTiming = 'wall' as never;
    v.afterHours = { retry: 1.5 };
    v.redial = { probability: -0.1 };
    v.callback = { offerAfterSeconds: 90 } as never;
    expect(problems(s)).toEqual([
      'channels.voice.repeatTiming: must be "customer-hours" or "clock"',
      'channels.voice.afterHours.retry: must be a probability from 0 to 1',
      'channels.voice.redial.probability: must be a probability from 0 to 1',
      'channels.voice.callback.acceptance: is required',
    ]);
    v.repeatTiming = 'clock';
    v.afterHours = 'hold';
    v.redial = { probability: 0.6, delay: { dist: 'exponential', mean: 900 } };
    v.callback = { offerAfterSeconds: 90, acceptance: 0.5, reach: 0.9 };
    expect(validateScenario(s).ok).toBe(true);
    v.afterHours = 'wait' as never;
    expect(problems(s)).toEqual([
      'channels.voice.afterHours: must be "hold" or an object like { "retry": 0.8, "delay": { "dist": "exponential", "mean": 3600 } }',
    ]);
  });

  it('reports negative agents with the SPEC message', () => {
    const s = minimal();
    s.sites[0].groups[0].agents = -1;
    expect(problems(s)).toEqual(['sites[0].groups[0].agents: must be a whole number ≥ 0']);
  });

  it('reports fractional agents and too many agents', () => {
    const s = minimal();
    s.sites[0].groups[0].agents = 2.5;
    expect(problems(s)).toEqual(['sites[0].groups[0].agents: must be a whole number ≥ 0']);
    s.sites[0].groups[0].agents = 1e9;
    expect(problems(s)).toEqual(['sites[0].groups[0].agents: must be a whole number ≤ 20,000']);
  });

  it('reports more agents in all than the limit', () => {
    const s = minimal();
    s.sites[0].groups = Array.from({ length: 6 }, (_, i) => ({
      id: `g${i}`,
      skills: ['voice'],
      agents: 20_000,
    }));
    expect(problems(s)).toEqual(['sites: has 120,000 agents in all, more than the limit of 100,000']);
  });

  it('reports a split to an unknown site, with a suggestion', () => {
    const s = minimal();
    s.routing = { voice: { split: { hmoe: 1 } } };
    expect(problems(s)).toEqual([
      'routing.voice.split.hmoe: no site has the id "hmoe" (did you mean "home"?)',
    ]);
  });

  it('reports an unknown skill', () => {
    const s = minimal();
    s.sites[0].groups[0].skills = ['voice', 'fax'];
    expect(problems(s)).toEqual([
      'sites[0].groups[0].skills[1]: must be one of "voice", "chat", "email", "social"',
    ]);
  });

  it('reports a skill whose channel is not in the scenario', () => {
    const s = minimal();
    s.sites[0].groups[0].skills = ['voice', 'chat'];
    expect(problems(s)).toEqual([
      'sites[0].groups[0].skills[1]: names the channel "chat", which is not in "channels"',
    ]);
  });

  it('reports a channel nobody can answer', () => {
    const s = minimal();
    s.channels.email = { volumePerDay: 100, handleTime: { dist: 'fixed', value: 300 } };
    expect(problems(s)).toEqual([
      'channels.email: no agent group has the skill "email", so nothing could ever answer it',
    ]);
  });

  it('reports a profile of the wrong length', () => {
    const s = minimal();
    (s.channels.voice as Record<string, unknown>).profile = [1, 2, 3];
    expect(problems(s)).toEqual([
      'channels.voice.profile: must have 48 weights, one per 30-minute interval of the day (has 3)',
    ]);
    s.horizon.intervalMinutes = 60;
    (s.channels.voice as Record<string, unknown>).profile = new Array(24).fill(1);
    expect(validateScenario(s).ok).toBe(true);
  });

  it('reports an all-zero profile and an invalid interval', () => {
    const s = minimal();
    (s.channels.voice as Record<string, unknown>).profile = new Array(48).fill(0);
    s.horizon.intervalMinutes = 20;
    expect(problems(s)).toEqual([
      'horizon.intervalMinutes: must be one of 15, 30, 60',
      'channels.voice.profile: must not be all zero',
    ]);
  });

  it('reports an unknown field with "did you mean"', () => {
    const s = minimal();
    const group = s.sites[0].groups[0];
    delete group.agents;
    group.agnets = 10;
    expect(problems(s)).toEqual([
      'sites[0].groups[0].agnets: unknown field "agnets" (did you mean "agents"?)',
      'sites[0].groups[0].agents: is required (or give "shifts")',
    ]);
  });

  it('reports a bad location, distribution and opening hours in plain words', () => {
    const s = minimal();
    s.sites[0].location = 'Offshore';
    s.sites[0].hours = { open: '8am', close: '20:00' };
    (s.channels.voice as Record<string, unknown>).handleTime = { dist: 'normal', mean: 300 };
    expect(problems(s)).toEqual([
      'channels.voice.handleTime.dist: must be one of "exponential", "lognormal", "gamma", "fixed", "uniform", "empirical"',
      'sites[0].location: must be one of "onshore", "nearshore", "offshore" (did you mean "offshore"?)',
      'sites[0].hours.open: must be a time "HH:MM" from 00:00 to 24:00',
    ]);
  });

  it('reports escalation to itself and firstContactResolution 0', () => {
    const s = minimal();
    s.sites[0].escalation = { rate: 0.1, to: 'home' };
    s.sites[0].firstContactResolution = 0;
    const p = problems(s);
    expect(p).toContain('sites[0].escalation.to: must name another site, not the site itself');
    expect(p.some((x) => x.startsWith('sites[0].firstContactResolution: must be from 0.01 to 1'))).toBe(true);
  });

  it('reports an escalation target that lacks a channel the escalating site answers', () => {
    const s = minimal();
    (s.channels as Obj).social = { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 240 } };
    (s.channels as Obj).email = { volumePerDay: 100, handleTime: { dist: 'exponential', mean: 240 } };
    s.sites[0].groups = [{ id: 'front', skills: ['voice', 'social', 'email'], agents: 10 }];
    s.sites[0].escalation = { rate: 0.1, to: 'tier2' };
    s.sites.push({
      id: 'tier2',
      name: 'Tier 2',
      location: 'onshore',
      groups: [{ id: 'l2', skills: ['voice'], agents: 2 }],
      cost: { hourlyRate: 40 },
    });
    expect(problems(s)).toEqual([
      'sites[0].escalation.to: site "tier2" has no group with the skill "email", "social", which this site answers (its escalations on those channels could never be answered)',
    ]);
    // With the skills at the target it is valid.
    s.sites[1].groups.push({ id: 'digital', skills: ['email', 'social'], agents: 2 });
    expect(validateScenario(s).ok).toBe(true);
  });

  it('accepts hours that cross midnight and shifts instead of agents', () => {
    const s = minimal();
    s.sites[0].hours = { open: '20:00', close: '06:00' };
    delete s.sites[0].groups[0].agents;
    s.sites[0].groups[0].shifts = [
      { start: '20:00', end: '01:00', agents: 8 },
      { start: '01:00', end: '06:00', agents: 4 },
    ];
    expect(validateScenario(s).ok).toBe(true);
    s.sites[0].groups[0].agents = 3;
    expect(problems(s)).toEqual(['sites[0].groups[0]: must have either "agents" or "shifts", not both']);
  });

  it('reports NaN and Infinity written as strings, and non-finite numbers', () => {
    const s = minimal();
    s.sites[0].shrinkage = 'NaN' as unknown as number;
    (s.sites[0].cost as Record<string, unknown>).hourlyRate = 'Infinity';
    expect(problems(s)).toEqual([
      'sites[0].shrinkage: must be a number, not the text "NaN"',
      'sites[0].cost.hourlyRate: must be a number, not the text "Infinity"',
    ]);
    s.sites[0].shrinkage = NaN;
    (s.sites[0].cost as Record<string, unknown>).hourlyRate = Infinity;
    expect(problems(s)).toEqual([
      'sites[0].shrinkage: must be a finite number',
      'sites[0].cost.hourlyRate: must be a finite number',
    ]);
  });

  it('reports several problems at once', () => {
    const s = minimal() as ReturnType<typeof minimal> & Record<string, unknown>;
    s.sites[0].groups[0].agents = -1;
    s.sites[0].location = 'moon';
    s.routing = { voice: { split: { nowhere: 1 } } };
    s.colour = 'blue';
    delete (s as Record<string, unknown>).name;
    const p = problems(s);
    expect(p).toHaveLength(5);
    expect(p).toEqual(
      expect.arrayContaining([
        'name: is required',
        'sites[0].groups[0].agents: must be a whole number ≥ 0',
        'sites[0].location: must be one of "onshore", "nearshore", "offshore"',
        'routing.voice.split.nowhere: no site has the id "nowhere"',
        'colour: unknown field "colour"',
      ]),
    );
  });

  it('requires the top level to be an object', () => {
    expect(problemsOf(parseScenarioText('[1, 2]'))).toEqual([
      '(root): must be a JSON object { ... }, not a list',
    ]);
    expect(problemsOf(parseScenarioText('null'))).toEqual([
      '(root): must be a JSON object { ... }, not null',
    ]);
  });
});

describe('hostile input', () => {
  it('reports malformed JSON in one line', () => {
    const p = problemsOf(parseScenarioText('{\n  "name": "x",\n  "sites": [1, 2,\n}'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\(root\): not valid JSON: /);
    const truncated = problemsOf(parseScenarioText('{\n  "name": "x",\n  "sites": [1, 2'));
    expect(truncated[0]).toMatch(/^\(root\): not valid JSON: .*line 3/);
  });

  it('reports an empty file', () => {
    expect(problemsOf(parseScenarioText(''))).toEqual(['(root): file is empty']);
    expect(problemsOf(parseScenarioText(' \n\t'))).toEqual(['(root): file is empty']);
  });

  it('rejects __proto__, constructor and prototype keys without polluting Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const s = minimal();
    const text = JSON.stringify(s)
      .replace('{"$schema"', '{"__proto__":{"polluted":"yes"},"$schema"')
      .replace('"shrinkage":0', '"shrinkage":0,"constructor":{"prototype":{"polluted":"yes"}}')
      .replace('"hours":"24/7"', '"hours":"24/7","prototype":{"polluted":"yes"}');
    const p = problemsOf(parseScenarioText(text));
    expect(p).toEqual([
      '__proto__: the field name "__proto__" is not allowed (it could change object prototypes)',
      'sites[0].prototype: the field name "prototype" is not allowed (it could change object prototypes)',
      'sites[0].constructor: the field name "constructor" is not allowed (it could change object prototypes)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('rejects nesting deeper than 64 levels without recursing', () => {
    const deep = '{"name":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const p = problemsOf(parseScenarioText(deep));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\(root\): nested more than 64 levels deep/);
    // brackets inside strings do not count
    const s = minimal();
    s.description = '['.repeat(200);
    expect(parseScenarioText(JSON.stringify(s)).ok).toBe(true);
  });

  it('rejects a deeply nested or cyclic value passed directly', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(problems(cyclic)[0]).toMatch(/^\(root\): nested more than 64 levels deep/);
  });

  it('rejects input larger than 20 MB before parsing', () => {
    const huge = '{"name": "' + 'x'.repeat(21 * 1024 * 1024) + '"}';
    const p = problemsOf(parseScenarioText(huge));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^\(root\): file is too large .*20 MB/);
  });
});

describe('text helpers', () => {
  it('formats paths', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['sites', 1, 'groups', 0, 'agents'])).toBe('sites[1].groups[0].agents');
    expect(formatPath(['routing', 'voice', 'split', 'l1-manila'])).toBe('routing.voice.split.l1-manila');
    expect(formatPath(['routing', 'voice', 'split', 'a b'])).toBe('routing.voice.split["a b"]');
  });

  it('measures edit distance with transpositions and suggests close names', () => {
    expect(editDistance('agnets', 'agents')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestMatch('agnets', ['id', 'skills', 'agents', 'shifts'])).toBe('agents');
    expect(closestMatch('HOURS', ['hours'])).toBe('hours');
    expect(closestMatch('zzzzzz', ['agents'])).toBeUndefined();
    expect(closestMatch('ab', ['id'])).toBeUndefined();
  });
});
