import { boundingBox, haversineMetres } from './haversine';

describe('haversine', () => {
  it('measures short and long distances', () => {
    const a = { lat: 59.1955, lon: 17.6253 };
    expect(haversineMetres(a, a)).toBe(0);
    expect(haversineMetres(a, { lat: a.lat + 0.00045, lon: a.lon })).toBeCloseTo(50.0, 0);
    // Södertälje – Stockholm ≈ 31 km
    expect(haversineMetres(a, { lat: 59.3293, lon: 18.0686 }) / 1000).toBeCloseTo(29.6, 0);
  });

  it('the bounding box holds every point within the radius, in every direction', () => {
    for (const c of [{ lat: 59.2, lon: 17.6 }, { lat: 0, lon: 0 }, { lat: 68.9, lon: 20.2 }, { lat: -33.9, lon: 151.2 }]) {
      const box = boundingBox(c, 50);
      for (let deg = 0; deg < 360; deg += 15) {
        const r = (deg * Math.PI) / 180;
        const p = { lat: c.lat + (49.9 / 111_320) * Math.cos(r), lon: c.lon + (49.9 / (111_320 * Math.cos((c.lat * Math.PI) / 180))) * Math.sin(r) };
        expect(haversineMetres(c, p)).toBeLessThanOrEqual(50.1);
        expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon).toBe(true);
      }
    }
  });
});
