import { describe, expect, it } from 'vitest';
import { appPath, EXTERNAL_LINK, mailtoHref, safeHref, telHref } from './links';

describe('safeHref', () => {
  it('keeps absolute http and https addresses as they are', () => {
    for (const url of ['https://docs.example.com/a.pdf', 'http://10.0.0.8:8080/d?id=1#p2', 'HTTPS://EXAMPLE.COM/x', 'https://dms.example.com/合同/1.pdf']) {
      expect(safeHref(url)).toBe(url);
    }
  });

  it('refuses script, data and other schemes however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', '\tjavascript:alert(1)', 'java\nscript:alert(1)',
      'javascript://example.com/%0aalert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
      'blob:https://example.com/1', 'file:///etc/passwd', 'ftp://example.com/a', 'mailto:a@example.com',
    ]) {
      expect(safeHref(url), url).toBeUndefined();
    }
  });

  it('refuses relative, hostless, credentialed and malformed addresses and non-strings', () => {
    for (const url of ['/contracts/1', '//evil.example.com/x', 'https:evil.example.com', 'https://', 'https://user:pw@example.com/', 'http://[::1', '']) {
      expect(safeHref(url), url).toBeUndefined();
    }
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
    expect(safeHref(42 as unknown as string)).toBeUndefined();
  });

  it('opens other sites in a new tab that cannot reach back', () => {
    expect(EXTERNAL_LINK).toEqual({ target: '_blank', rel: 'noopener noreferrer' });
  });
});

describe('appPath', () => {
  it('keeps paths of this app', () => {
    expect(appPath('/contracts/42?tab=plan')).toBe('/contracts/42?tab=plan');
  });

  it('refuses other origins and schemes', () => {
    for (const link of ['//evil.example.com', '/\\evil.example.com', 'https://evil.example.com/', 'javascript:alert(1)', '/ok\nno', '', undefined]) {
      expect(appPath(link), String(link)).toBeUndefined();
    }
  });
});

describe('telHref and mailtoHref', () => {
  it('make links of plain numbers and addresses', () => {
    expect(telHref('+86 138 0013 8000')).toBe('tel:+8613800138000');
    expect(mailtoHref('li.na@example.com')).toBe('mailto:li.na@example.com');
  });

  it('refuse anything that would smuggle more than a number or an address', () => {
    expect(telHref('123;javascript:alert(1)')).toBeUndefined();
    expect(telHref('')).toBeUndefined();
    expect(mailtoHref('a@example.com?bcc=all@example.com')).toBeUndefined();
    expect(mailtoHref('javascript:alert(1)//@x')).toBeUndefined();
    expect(mailtoHref(undefined)).toBeUndefined();
  });
});
