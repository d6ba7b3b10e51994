import { decodeEntities, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('keeps the text a reader sees, blocks on their own lines', () => {
    expect(htmlToText('<p>Hej,</p><p>Lampan &auml;r <b>trasig</b>.<br>Mvh Anna</p>')).toBe('Hej,\n\nLampan är trasig.\nMvh Anna');
    expect(htmlToText('<div>ett</div><div>två</div>')).toBe('ett\ntvå');
    expect(htmlToText('<h1>Rubrik</h1>text')).toBe('Rubrik\n\ntext');
  });

  it('drops scripts, styles, head, comments and every attribute', () => {
    const html = '<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body onload="x()">'
      + '<script type="text/javascript">alert("<p>no</p>")</script><!-- <p>hidden</p> --><p style="x" onclick="y()">synlig</p>'
      + '<SCRIPT>evil()</SCRIPT ><noscript>aktivera js</noscript><template><p>t</p></template><iframe src="https://x">i</iframe></body></html>';
    expect(htmlToText(html)).toBe('synlig');
  });

  it('an unterminated script swallows the rest rather than leaking it', () => {
    expect(htmlToText('<p>före</p><script>alert(1)<p>efter</p>')).toBe('före');
    expect(htmlToText('<p>a</p><!-- never closed <p>b</p>')).toBe('a');
  });

  it('lists, tables, links and images', () => {
    expect(htmlToText('<ul><li>ett</li><li>två</li></ul>')).toBe('- ett\n- två');
    expect(htmlToText('<table><tr><td>Namn</td><td>Anna</td></tr><tr><td>Ort</td><td>Södertälje</td></tr></table>')).toBe('Namn Anna\nOrt Södertälje');
    expect(htmlToText('Se <a href="https://karta.example/p?a=1&amp;b=2">kartan</a>.')).toBe('Se kartan <https://karta.example/p?a=1&b=2>.');
    expect(htmlToText('<a href="https://x.example">https://x.example</a>')).toBe('https://x.example');
    expect(htmlToText('<a href="mailto:anna@example.se">anna@example.se</a>')).toBe('anna@example.se');
    expect(htmlToText('<a href="javascript:alert(1)">klicka</a>')).toBe('klicka');
    expect(htmlToText('<img src="x.png" alt="Foto på lampan"><img src="pixel.gif">')).toBe('Foto på lampan');
  });

  it('collapses whitespace except in pre, and keeps text that only looks like markup', () => {
    expect(htmlToText('<p>  många\n\n   mellanslag </p>')).toBe('många mellanslag');
    expect(htmlToText('<pre>rad 1\nrad 2</pre>')).toBe('rad 1\nrad 2');
    expect(htmlToText('3 < 5 och 5 > 3')).toBe('3 < 5 och 5 > 3');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });

  it('copes with broken markup without throwing', () => {
    for (const bad of ['<', '<p', '<p class="x', '<a href=', '</', '<<<>>>', '<p>a<b>b</p></b>', '<!', '<?xml', '&#xFFFFFFF;', '&#0;', '\u0000<p>x']) {
      expect(typeof htmlToText(bad)).toBe('string');
    }
    expect(htmlToText('<p>a<b>b</p></b>c')).toBe('ab\n\nc');
  });

  it('is linear on hostile input', () => {
    const big = '<div>'.repeat(100_000) + 'x' + '<a href="'.repeat(10_000);
    expect(htmlToText(big)).toContain('x');
  });
});

describe('decodeEntities', () => {
  it('named, decimal and hex references; unknown ones stay', () => {
    expect(decodeEntities('&Aring;&auml;&ouml; &amp; &#229;&#xE4;&#246; &euro;&nbsp;&hellip; &bogus; &amp')).toBe('Åäö & åäö € … &bogus; &');
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('\ufffd\ufffd\ufffd');
  });
});
