import type { Page } from '@playwright/test';

const VIOLATION = 'CSP violation:';

/**
 * Collects every Content-Security-Policy violation the page meets: the
 * `securitypolicyviolation` events (reported through the console) and
 * chromium's own console messages about what it blocked.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript((marker) => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`${marker} ${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  }, VIOLATION);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION) || text.includes('Content Security Policy')) violations.push(text);
  });
  return violations;
}
