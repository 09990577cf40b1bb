import { createHmac } from 'node:crypto';
import { startHttpReceiver, type TestHttpReceiver } from '@borgitory/apprise-runner/testing';
import { expect, field, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

const APPRISE = 'Receiver JSON';
const WEBHOOK = 'Receiver webhook';
const BROKEN = 'Broken webhook';

let receiver: TestHttpReceiver;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  // A real HTTP server on 127.0.0.1: Apprise's json:// and the webhooks post to it; /fail answers 500.
  receiver = await startHttpReceiver((request) => (request.path.startsWith('/fail') ? 500 : 200));
});

test.afterAll(async () => {
  await receiver?.stop();
});

/** The JSON body of the n-th request the receiver got. */
async function receivedJson(index: number): Promise<{ path: string; headers: Record<string, unknown>; body: string; json: unknown }> {
  const request = await receiver.request(index);
  return { path: request.path, headers: request.headers, body: request.body, json: JSON.parse(request.body) };
}

test('an Apprise channel made from the service form is tested, and the test is in the delivery log', async ({ page, browser }) => {
  const card = region(page, APPRISE);

  await test.step('the page starts empty, with a call to action', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await expect(page).toHaveURL('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No notification channels yet' })).toBeVisible();
    await saveScreenshot(page, 'notifications-empty');
    await page.getByRole('link', { name: 'Create a notification channel' }).click();
    await expect(page).toHaveURL('/notifications/new');
  });

  await test.step('the JSON service’s fields are drawn from the server, and what is missing is said at its field', async () => {
    await field(page, 'Name').fill(APPRISE);
    await expect(page.getByRole('radio', { name: 'A notification service' })).toBeChecked();
    await field(page, 'Service').selectOption({ label: 'JSON over HTTP' });
    await expect(field(page, 'Service')).toHaveAccessibleDescription(/POSTs \{"title", "message", "type"\} as JSON/);
    await expect(page.getByRole('link', { name: 'JSON over HTTP in Apprise’s documentation' })).toHaveAttribute(
      'href',
      /github\.com\/caronc\/apprise\/wiki/,
    );
    await expect(field(page, 'Connection')).toHaveValue('jsons');
    await expect(field(page, 'Password (optional)')).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Create channel' }).click();

    const host = field(page, 'Host');
    await expect(host).toHaveAttribute('aria-invalid', 'true');
    await expect(host).toBeFocused();
    await expect(host).toHaveAccessibleDescription(/Host is required/);
  });

  await test.step('events are checkboxes in groups, with what they mean; created for every repository', async () => {
    await field(page, 'Connection').selectOption({ label: 'HTTP' });
    await field(page, 'Host').fill('127.0.0.1');
    await field(page, 'Port (optional)').fill(String(receiver.port));
    await field(page, 'Path (optional)').fill('hooks/borgitory');

    const backups = page.getByRole('group', { name: 'Backups', exact: true });
    await expect(backups.getByRole('checkbox', { name: 'Backup failed' })).toBeChecked();
    await expect(backups.getByRole('checkbox', { name: 'Backup completed' })).not.toBeChecked();
    await expect(backups.getByRole('checkbox', { name: 'Backup failed' })).toHaveAccessibleDescription('A backup failed');
    await expect(
      page.getByRole('group', { name: 'Repositories', exact: true }).getByRole('checkbox', { name: 'Backups overdue' }),
    ).toBeChecked();
    await backups.getByRole('checkbox', { name: 'Backup completed' }).check();
    await expect(page.getByRole('radio', { name: 'All repositories' })).toBeChecked();
    await expect(field(page, 'Title (optional)')).toHaveAttribute('placeholder', '{title}: {repository}');
    await saveScreenshot(page, 'notifications-form-apprise', { fullPage: true });
    await page.getByRole('button', { name: 'Create channel' }).click();

    await expect(page).toHaveURL('/notifications');
    await expect(card).toContainText(`json://127.0.0.1:${receiver.port}`);
    await expect(card).toContainText('EventsEvery event');
    await expect(card).toContainText('RepositoriesAll');
    await expect(card).toContainText('Enabled');
  });

  await test.step('Test sends a message that arrives, and says so', async () => {
    await card.getByRole('button', { name: 'Test', exact: true }).click();
    const result = card.getByRole('status', { name: 'Test result' });
    await expect(result).toContainText('Test message delivered', { timeout: 30_000 });
    const posted = await receivedJson(0);
    expect(posted.path).toBe('/hooks/borgitory');
    expect(posted.json).toMatchObject({ title: 'Test notification' });
    expect((posted.json as { message: string }).message).toContain(`A test message from Borgitory to the channel "${APPRISE}"`);
    await saveScreenshot(page, 'notifications-test-result', { fullPage: true });
  });

  await test.step('the delivery log shows the test as delivered, with its attempt', async () => {
    await card.getByRole('link', { name: 'See it in the delivery log' }).click();
    await expect(page).toHaveURL(/\/notifications\/deliveries\?channel_id=\d+$/);
    await expect(field(page, 'Channel')).toHaveValue(/\d+/);
    const row = page.getByRole('row').filter({ hasText: APPRISE });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Test message');
    await expect(row).toContainText('Delivered');
    await row.getByRole('button', { name: '1 attempt' }).click();
    await expect(row.getByRole('button', { name: '1 attempt' })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText(`A test message from Borgitory to the channel "${APPRISE}"`)).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /— delivered/ })).toBeVisible();
    await saveScreenshot(page, 'notifications-log', { fullPage: true });

    await field(page, 'Event').selectOption({ label: 'Backup failed' });
    await expect(page).toHaveURL(/event=backup\.failed/);
    await expect(page.getByText('No deliveries match these filters.')).toBeVisible();
  });

  await test.step('edit: the stored URL is kept while the fields stay empty', async () => {
    await page.getByRole('link', { name: 'Channels', exact: true }).click();
    await card.getByRole('link', { name: `Edit ${APPRISE}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${APPRISE}` })).toBeVisible();
    await expect(field(page, 'Service')).toHaveValue('json');
    await expect(page.getByText('That URL is kept unless you fill in the fields again')).toBeVisible();
    await expect(field(page, 'Host')).toHaveValue('');
    await page.getByRole('radio', { name: 'Only these' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const scope = page.getByRole('radiogroup', { name: 'Events about' });
    await expect(scope).toHaveAttribute('aria-invalid', 'true');
    await expect(scope).toBeFocused();
    await expect(page.getByText('Choose at least one repository, or all of them.')).toBeVisible();
    await page.getByRole('radio', { name: 'All repositories' }).check();
    await saveScreenshot(page, 'notifications-form-edit', { fullPage: true });
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(page).toHaveURL('/notifications');
    await card.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(card.getByRole('status', { name: 'Test result' })).toContainText('Test message delivered', { timeout: 30_000 });
    expect((await receivedJson(1)).path).toBe('/hooks/borgitory');
  });

  await test.step('the pages in a dark colour scheme and on a narrow screen', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto('/notifications/deliveries');
    await expect(darkPage.getByRole('row').filter({ hasText: APPRISE })).toHaveCount(2);
    await saveScreenshot(darkPage, 'notifications-log-dark', { fullPage: true });
    await darkPage.goto('/notifications/new');
    await field(darkPage, 'Service').selectOption({ label: 'Discord' });
    await saveScreenshot(darkPage, 'notifications-form-dark', { fullPage: true });
    await dark.close();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/notifications');
    await expect(card).toBeVisible();
    await saveScreenshot(page, 'notifications-narrow', { fullPage: true });
    await page.goto('/notifications/deliveries');
    await saveScreenshot(page, 'notifications-log-narrow', { fullPage: true });
    await page.goto('/notifications/new');
    await page.getByRole('radio', { name: 'A webhook' }).check();
    await saveScreenshot(page, 'notifications-form-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});

test('a webhook channel signs what it sends; a failed delivery can be sent again', async ({ page }) => {
  const before = receiver.received.length;
  let secret = '';

  await test.step('created with a generated secret, shown once to copy', async () => {
    await page.goto('/notifications/new');
    await field(page, 'Name').fill(WEBHOOK);
    await page.getByRole('radio', { name: 'A webhook' }).check();
    await field(page, 'URL').fill(`http://127.0.0.1:${receiver.port}/webhook`);
    await page.getByRole('button', { name: 'Generate' }).click();
    const secretField = field(page, 'Signing secret');
    await expect(secretField).toHaveAttribute('type', 'text');
    secret = await secretField.inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(page.getByRole('status').filter({ hasText: 'Copy this secret into your receiver now' })).toBeVisible();
    await page.getByText('How to verify a delivery').click();
    await expect(page.getByText('X-Borgitory-Signature: sha256=…')).toBeVisible();
    await saveScreenshot(page, 'notifications-form-webhook', { fullPage: true });
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page).toHaveURL('/notifications');
  });

  await test.step('Test: the receiver gets the event, signed with the secret', async () => {
    const card = region(page, WEBHOOK);
    await expect(card).toContainText('Webhook, signed');
    await expect(card).toContainText('EventsEvery event but Backup completed');
    await card.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(card.getByRole('status', { name: 'Test result' })).toContainText('The receiver answered HTTP 200', { timeout: 30_000 });
    const posted = await receivedJson(before);
    expect(posted.path).toBe('/webhook');
    expect(posted.headers['x-borgitory-event']).toBe('test');
    expect(posted.headers['x-borgitory-signature']).toBe(`sha256=${createHmac('sha256', secret).update(posted.body).digest('hex')}`);
  });

  await test.step('a receiver that answers 500: the test says why, and the log offers Resend', async () => {
    const created = await page.request.post('/api/notifications/channels', {
      data: {
        name: BROKEN,
        type: 'webhook',
        config: { url: `http://127.0.0.1:${receiver.port}/fail`, secret: 'a secret of twenty chars' },
        events: ['backup.failed'],
        repository_ids: null,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await page.reload();
    const broken = region(page, BROKEN);
    await broken.getByRole('button', { name: 'Test', exact: true }).click();
    const result = broken.getByRole('alert', { name: 'Test result' });
    await expect(result).toContainText('The test message was not delivered', { timeout: 30_000 });
    await expect(result).toContainText('The receiver answered HTTP 500');
    await expect(result).not.toContainText('(HTTP 500)');
    await saveScreenshot(page, 'notifications-test-failed', { fullPage: true });

    await page.getByRole('link', { name: 'Delivery log', exact: true }).click();
    await field(page, 'Status').selectOption({ label: 'Failed' });
    const row = page.getByRole('row').filter({ hasText: BROKEN });
    await expect(row).toContainText('Failed');
    await expect(row).toContainText('HTTP 500');
    await row.getByRole('button', { name: `Resend the test message to ${BROKEN}` }).click();
    await field(page, 'Status').selectOption({ label: 'All statuses' });
    await expect(row).toContainText(/Pending|Failed/);
    // Sent again at once: the receiver sees a second request to /fail.
    await expect.poll(() => receiver.received.filter((request) => request.path === '/fail').length, { timeout: 30_000 }).toBe(2);
  });

  await test.step('deleted after confirming', async () => {
    await page.goto('/notifications');
    await region(page, BROKEN)
      .getByRole('button', { name: `Delete ${BROKEN}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delete this notification channel?' });
    await expect(dialog).toContainText('what was sent to it stays in the delivery log');
    await dialog.getByRole('button', { name: 'Delete channel' }).click();
    await expect(region(page, BROKEN)).toBeHidden();
    await expect(region(page, WEBHOOK)).toBeVisible();
  });
});
