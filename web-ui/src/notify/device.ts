// A device's label for the list of devices that receive reminders (no browser APIs: unit-tested).
/** A short name for this device, from the browser's own description. */
export function deviceLabel(userAgent = navigator.userAgent): string {
  const os = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : '';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari' : '';
  return [os, browser].filter(Boolean).join(' · ') || 'Browser';
}
