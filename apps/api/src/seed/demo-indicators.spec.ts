import { INDICATOR_TERMS } from '@app/shared';
import { DEMO_INDICATORS, demoValues, reflect } from './demo-indicators';

const AREAS = [
  'borsigplatz',
  'nordmarkt',
  'hafen',
  'westerfilde',
  'scharnhorst-ost',
  'westerfilde-bodelschwingh',
  'wickede',
  'huckarde',
  'hoerde',
  'eving',
  'marten',
  'lindenhorst',
  'dorstfeld',
  'neuscharnhorst',
  'clarenberg',
].map((name, index) => ({
  id: `area-${index}`,
  code: `ar-${name}`,
  validFrom: index === 13 ? '2018-01-01' : '2000-01-01',
  validTo: index === 12 ? '2019-12-31' : null,
}));

describe('demo indicator values', () => {
  const rows = demoValues(AREAS);

  it('are deterministic', () => {
    expect(demoValues(AREAS)).toEqual(rows);
  });

  it('keep every area value inside the indicator range without piling up on a bound', () => {
    for (const indicator of DEMO_INDICATORS) {
      const [lo, hi] = indicator.range;
      const values = rows.filter((row) => row.key === indicator.key && row.areaId !== null);
      expect(values.length).toBeGreaterThan(AREAS.length * 5);
      for (const row of values) {
        expect(row.value).toBeGreaterThanOrEqual(lo);
        expect(row.value).toBeLessThanOrEqual(hi);
      }
      // No year with two areas on the same bound (clamping put three Aktionsräume at exactly 15.0 % in 2020).
      const onBound = values.filter((row) => row.value === lo || row.value === hi);
      const perYear = new Map<string, number>();
      for (const row of onBound) perYear.set(`${row.year}:${row.value}`, (perYear.get(`${row.year}:${row.value}`) ?? 0) + 1);
      expect(Math.max(0, ...perYear.values())).toBeLessThanOrEqual(1);
      expect(onBound.length).toBeLessThanOrEqual(values.length * 0.01);
      // The areas still spread over the range.
      const latest = values.filter((row) => row.year === 2024).map((row) => row.value);
      expect(Math.max(...latest) - Math.min(...latest)).toBeGreaterThan((hi - lo) * 0.4);
    }
  });

  it('reflect folds values back into the range', () => {
    expect(reflect(14.6, [15, 28])).toBeCloseTo(15.4);
    expect(reflect(28.5, [15, 28])).toBeCloseTo(27.5);
    expect(reflect(20, [15, 28])).toBe(20);
    expect(reflect(15, [15, 28])).toBe(15);
  });

  it('name the indicators whose hard terms the social report explains (INDICATOR_TERMS)', () => {
    const keys = DEMO_INDICATORS.map((indicator) => indicator.key);
    expect(keys).toEqual(expect.arrayContaining(Object.keys(INDICATOR_TERMS)));
    // The terms are in the indicators' German names and descriptions.
    const sgb2 = DEMO_INDICATORS.find((indicator) => indicator.key === 'sgb2_quote');
    expect(sgb2?.name.de).toContain('SGB-II-Quote');
    expect(sgb2?.description.de).toContain('Bedarfsgemeinschaft');
  });
});
