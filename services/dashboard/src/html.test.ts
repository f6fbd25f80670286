import { describe, expect, it } from 'vitest';
import { appPage, escapeHtml, html, loginPage, raw } from './html.ts';

describe('server-rendered HTML', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y' \``)).toBe(
      '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;y&#39; &#96;',
    );
    expect(html`<p title="${'" onmouseover="x'}">${'<b>'}${raw('<i>ok</i>')}</p>`).toBe('<p title="&#34; onmouseover=&#34;x">&#60;b&#62;<i>ok</i></p>');
  });

  it('puts operator names and settings into the page as text only, and loads only our scripts', () => {
    const page = appPage({ operator: '<img src=x onerror=alert(1)>', refreshMs: 5000, rulesetVersion: '"><script>' });
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('"><script>');
    expect([...page.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/assets/uPlot.iife.min.js">',
      '<script type="module" src="/assets/dashboard.js">',
    ]);
    expect(loginPage('<b>no</b>')).toContain('&#60;b&#62;no&#60;/b&#62;');
  });
});
