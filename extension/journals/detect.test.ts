// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { resolveMount } from './detect.ts';

describe('resolveMount', () => {
  it('floats by default and falls back to floating when the anchor is missing or invalid', () => {
    document.body.innerHTML = '<header class="top"></header>';
    expect(resolveMount(document, 'floating')).toEqual({ anchor: 'body', append: 'last' });
    expect(resolveMount(document, { selector: '.top', position: 'after' })).toEqual({
      anchor: document.querySelector('.top'),
      append: 'after',
    });
    expect(resolveMount(document, { selector: '.missing', position: 'after' })).toEqual({ anchor: 'body', append: 'last' });
    expect(resolveMount(document, { selector: '[[', position: 'after' })).toEqual({ anchor: 'body', append: 'last' });
  });
});
