import { errorsDocument, escapeXml, render, toJson, toXml } from './open311-document';

describe('Open311 documents', () => {
  it('writes a list as root > item elements with the declaration and no namespace', () => {
    const xml = toXml({ root: 'services', body: [{ service_code: 'a_b', metadata: false, type: 'realtime' }] });
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>a_b</service_code><metadata>false</metadata><type>realtime</type></service></services>\n');
    expect(xml).not.toMatch(/xmlns/);
  });

  it('escapes markup and drops characters XML cannot carry, so values stay plain text', () => {
    expect(escapeXml(`<b>"Tom & Jerry's"</b>\u0001\u0008\uFFFE\uD800ok`)).toBe('&lt;b&gt;&quot;Tom &amp; Jerry&apos;s&quot;&lt;/b&gt;ok');
    const xml = toXml({ root: 'service_requests', body: [{ description: '<![CDATA[x]]> & <script>' }] });
    expect(xml).toContain('<description>&lt;![CDATA[x]]&gt; &amp; &lt;script&gt;</description>');
    expect(escapeXml('åäö 🚲 مرحبا')).toBe('åäö 🚲 مرحبا');
  });

  it('keeps an empty list as an empty container and null as an empty element; skips undefined', () => {
    expect(toXml({ root: 'service_requests', body: [] })).toContain('<service_requests></service_requests>');
    const xml = toXml({ root: 'services', body: [{ description: null, group: undefined }] });
    expect(xml).toContain('<service><description></description></service>');
    expect(xml).not.toContain('group');
  });

  it('nests attributes > attribute > values > value in service definitions', () => {
    const doc = {
      root: 'service_definition',
      body: { service_code: 'x', attributes: [{ code: 'c', order: 1, required: true, values: [{ key: '1', name: 'One' }] }] },
    };
    expect(toXml(doc)).toContain('<service_definition><service_code>x</service_code><attributes><attribute><code>c</code><order>1</order><required>true</required><values><value><key>1</key><name>One</name></value></values></attribute></attributes></service_definition>');
    expect(JSON.parse(toJson(doc))).toEqual({ service_code: 'x', attributes: [{ code: 'c', order: 1, required: true, values: [{ key: '1', name: 'One' }] }] });
  });

  it('renders JSON by the Spark convention: root dropped, lists as top-level arrays', () => {
    const json = render({ root: 'service_requests', body: [{ service_request_id: 'KC-2026-000001', lat: 59.3, long: 18.1, media_url: undefined }] }, 'json');
    expect(JSON.parse(json)).toEqual([{ service_request_id: 'KC-2026-000001', lat: 59.3, long: 18.1 }]);
  });

  it('writes errors in both formats', () => {
    const doc = errorsDocument(403, 'api_key is missing or invalid');
    expect(render(doc, 'xml')).toContain('<errors><error><code>403</code><description>api_key is missing or invalid</description></error></errors>');
    expect(JSON.parse(render(doc, 'json'))).toEqual([{ code: 403, description: 'api_key is missing or invalid' }]);
  });

  it('refuses a list it has no item name for rather than writing invalid structure', () => {
    expect(() => toXml({ root: 'services', body: [{ unknown_list: ['a'] }] })).toThrow(/unknown_list/);
  });
});
