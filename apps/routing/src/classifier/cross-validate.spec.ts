import { categories } from '@lotsen/demo-municipality';
import { crossValidate, defaultDevDataPath, loadDevExamples } from './index';

describe('crossValidate on the dev data (5-fold, stratified)', () => {
  it('routes at least 90% of the inquiries to the right department, with calibrated confidence', () => {
    const examples = loadDevExamples(defaultDevDataPath());
    const r = crossValidate(examples, 5, 42, { catalogue: categories });
    expect(r.examples).toBe(300);
    expect(r.department.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.department.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(r.type.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(r.firstContactResolvable.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(r.urgent.recall).toBeGreaterThanOrEqual(0.7);
    for (const lang of ['sv', 'en', 'ar', 'fi']) expect(r.perLanguage[lang].departmentAccuracy).toBeGreaterThanOrEqual(0.8);
    // calibration: confident answers are more often right, and the stated confidence is close to the truth
    expect(r.calibration.expectedCalibrationError).toBeLessThan(0.1);
    const at = (t: number) => r.calibration.thresholds.find((p) => p.threshold === t)!;
    expect(at(0.8).accuracyAbove).toBeGreaterThan(r.department.accuracy);
    expect(at(0.8).shareBelow).toBeLessThan(0.3);
  }, 60000);
});
