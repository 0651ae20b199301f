// The accuracy maths of npm run eval and the corpus tests, on hand-made examples with exact expected values.
import { strict as assert } from 'node:assert';
import { bootstrap, CORPORA, countVerdicts, hiddenCorpora, judgeFile, quantile, scores, summarise, type EngineResult, type EngineStep } from '../support/evaluation.js';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} is not ${expected}`);

/** Plays back fixed numbers in [0, 1), so every resample is known in advance. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

describe('evaluation maths', () => {
  // File A: tp 2, fp 1, fn 0. File B: tp 1, fp 0, fn 2. Together: tp 3, fp 1, fn 2.
  const a = { tp: 2, fp: 1, fn: 0 };
  const b = { tp: 1, fp: 0, fn: 2 };

  it('scores precision, recall and F1', () => {
    const s = scores({ tp: 3, fp: 1, fn: 2 });
    close(s.precision, 3 / 4, 'precision');
    close(s.recall, 3 / 5, 'recall');
    close(s.f1, 2 / 3, 'F1 = 2tp / (2tp + fp + fn) = 6/9');
    assert.deepEqual(scores({ tp: 0, fp: 0, fn: 0 }), { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(scores({ tp: 0, fp: 2, fn: 3 }), { precision: 0, recall: 0, f1: 0 });
  });

  it('interpolates quantiles between order statistics (type 7)', () => {
    close(quantile([1, 2, 3, 4], 0.5), 2.5, 'median');
    close(quantile([1, 2, 3, 4], 0.025), 1.075, '2.5%');
    close(quantile([1, 2, 3, 4], 0.975), 3.925, '97.5%');
    close(quantile([5], 0.3), 5, 'single value');
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  it('bootstraps over whole files: three known resamples give exact intervals', () => {
    // Two draws per resample (index = floor(u * 2)): AA, BB, AB.
    //   AA: tp 4, fp 2, fn 0 -> P 2/3, R 1,   F1 4/5
    //   BB: tp 2, fp 0, fn 4 -> P 1,   R 1/3, F1 1/2
    //   AB: tp 3, fp 1, fn 2 -> P 3/4, R 3/5, F1 2/3
    const ci = bootstrap([a, b], { resamples: 3, random: scripted([0.1, 0.2, 0.6, 0.9, 0.3, 0.7]) });
    // Sorted F1 [1/2, 2/3, 4/5]: low at h = 0.05, high at h = 1.95.
    close(ci.f1.low, 1 / 2 + 0.05 * (2 / 3 - 1 / 2), 'F1 low');
    close(ci.f1.high, 2 / 3 + 0.95 * (4 / 5 - 2 / 3), 'F1 high');
    // Sorted precision [2/3, 3/4, 1]; sorted recall [1/3, 3/5, 1].
    close(ci.precision.low, 2 / 3 + 0.05 * (3 / 4 - 2 / 3), 'precision low');
    close(ci.precision.high, 3 / 4 + 0.95 * (1 - 3 / 4), 'precision high');
    close(ci.recall.low, 1 / 3 + 0.05 * (3 / 5 - 1 / 3), 'recall low');
    close(ci.recall.high, 3 / 5 + 0.95 * (1 - 3 / 5), 'recall high');
  });

  it('is reproducible with a fixed seed and collapses on identical files', () => {
    const files = [a, b, a, { tp: 0, fp: 1, fn: 1 }];
    assert.deepEqual(bootstrap(files), bootstrap(files));
    const same = bootstrap([a, a, a]);
    const point = scores(a);
    assert.deepEqual(same.f1, { low: point.f1, high: point.f1 });
    assert.deepEqual(same.precision, { low: point.precision, high: point.precision });
  });
});

describe('evaluation verdicts and causes', () => {
  const step = (title: string, shape: string, benefits: string[], supports: string[], lanes: string[] = []): EngineStep => ({
    title,
    shape,
    lanes: lanes.map((kind) => ({ kind, placeholder: false })),
    benefits: benefits.map((entry) => ({ entry, text: entry, source: 'customer' })),
    supports: supports.map((entry) => ({ entry, text: entry, source: 'backstage', kind: 'resource' })),
  });
  const result: EngineResult = {
    blueprint: {
      isBlueprint: true,
      steps: [
        step('Right flag', 'heading', ['refund'], []),
        step('Benefit missed', 'heading', [], []),
        step('Support wrongly found', 'list', ['upgrade'], ['staff']),
        step('Benefit wrongly found', 'heading', ['free'], []),
        step('Support missed', 'prose', ['refund'], []),
        step('Unlabelled', 'heading', ['same day'], []),
        step('Quiet', 'table-rows', [], ['staff']),
      ],
    },
    findings: [
      { ruleId: 'benefit-needs-support', step: 'Right flag' },
      { ruleId: 'benefit-needs-support', step: 'Benefit wrongly found' },
      { ruleId: 'benefit-needs-support', step: 'Support missed' },
      { ruleId: 'benefit-needs-support', step: 'Unlabelled' },
      { ruleId: 'empty-lane', step: 'Quiet' },
    ],
  };
  const flag = { benefit: true, support: false, flag: true };
  const evaluation = judgeFile(
    't',
    'a.md',
    {
      blueprint: true,
      steps: [
        { title: 'Right flag', shape: 'heading', ...flag },
        { title: 'Benefit missed', shape: 'heading', ...flag },
        { title: 'Support wrongly found', shape: 'list', ...flag },
        { title: 'Benefit wrongly found', shape: 'heading', benefit: false, support: false, flag: false },
        { title: 'Support missed', shape: 'heading', benefit: true, support: true, flag: false },
        { title: 'Not found', shape: 'list', ...flag },
        { title: 'Quiet', shape: 'table-rows', benefit: false, support: true, flag: false },
      ],
    },
    result,
  );

  it('gives each error its cause', () => {
    const causes = evaluation.verdicts.map((v) => [v.title, v.outcome, v.cause]);
    assert.deepEqual(causes, [
      ['Right flag', 'tp', null],
      ['Benefit missed', 'fn', 'benefit missed'],
      ['Support wrongly found', 'fn', 'support wrongly found'],
      ['Benefit wrongly found', 'fp', 'benefit wrongly found'],
      ['Support missed', 'fp', 'support missed'],
      ['Not found', 'fn', 'step not found'],
      ['Quiet', 'tn', null],
      ['Unlabelled', 'fp', 'unlabelled step'],
    ]);
    assert.deepEqual(countVerdicts(evaluation.verdicts), { tp: 1, fp: 3, fn: 3 });
  });

  it('matches steps on title and shape, and counts the other rules', () => {
    // "Support missed" is prose in the engine, heading in the labels; "Not found" is missing; "Unlabelled" is extra.
    assert.deepEqual([evaluation.stepsLabelled, evaluation.stepsFound, evaluation.stepsMatched], [7, 7, 5]);
    assert.deepEqual(evaluation.otherFindings, { 'empty-lane': 1 });
    const summary = summarise([evaluation], ['benefit-needs-support', 'empty-lane', 'unknown-lane']);
    assert.deepEqual(
      [...summary.otherRules],
      [
        ['empty-lane', 1],
        ['unknown-lane', 0],
      ],
    );
    assert.deepEqual(summary.byShape.get('heading'), { labelled: 4, matched: 3, counts: { tp: 1, fp: 3, fn: 1 } });
    const wrongSupport = summary.byCause.find((c) => c.cause === 'support wrongly found')!;
    assert.deepEqual([wrongSupport.count, wrongSupport.entries], [1, [{ entry: 'resource backstage: staff', count: 1, texts: ['staff'] }]]);
  });

  it('a benefit lane is not a missed benefit', () => {
    const laneOnly = judgeFile(
      't',
      'b.md',
      { blueprint: true, steps: [{ title: 'S', shape: 'heading', ...flag }] },
      {
        blueprint: { isBlueprint: true, steps: [step('S', 'heading', [], [], ['benefit'])] },
        findings: [],
      },
    );
    assert.equal(laneOnly.verdicts[0]!.cause, 'other');
  });
  it('keeps every blind set out of what eval prints, named with --corpus or not', () => {
    const specs = [
      { name: 'read', dir: 'r' },
      { name: 'blind-a', dir: 'a', blind: true },
      { name: 'blind-b', dir: 'b', blind: true },
    ];
    assert.deepEqual([...hiddenCorpora(specs)].sort(), ['blind-a', 'blind-b']);
    assert.deepEqual([...hiddenCorpora(CORPORA.filter((c) => !c.blind))], []);
  });
});
