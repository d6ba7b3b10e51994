/** Great-circle distance in metres (mean Earth radius); good to well under a metre at 50 m. */
export function haversineMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_008.8;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A lat/lon box that contains every point within `metres` of the centre (for an index range scan). */
export function boundingBox(centre: { lat: number; lon: number }, metres: number) {
  const dLat = (metres / 111_320) * 1.01;
  const cos = Math.max(Math.cos((centre.lat * Math.PI) / 180), 0.01);
  const dLon = (metres / (111_320 * cos)) * 1.01;
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLon: centre.lon - dLon, maxLon: centre.lon + dLon };
}
