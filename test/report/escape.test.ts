import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../src/report/html/escape.js';

describe('escaping', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });

  it('escapes every interpolation of the html tag, but not nested markup', () => {
    const name = '<script>alert(1)</script>';
    const inner = html`<b>${name}</b>`;
    expect(
      html`<p title="${'"quoted"'}">${inner} ${3} ${null}${false}${['&', trusted('<i>ok</i>')]}</p>`.text,
    ).toBe('<p title="&quot;quoted&quot;"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b> 3 &amp;<i>ok</i></p>');
  });
});
