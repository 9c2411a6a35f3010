'use strict';
/**
 * The editor in a real browser (Debian's chromium driven by playwright-core, no browser
 * download): the node panel finds "Linq", and the node opens with its fields. Screenshots go
 * to .e2e-tmp/screenshots, or to docs/ with LINQ_E2E_UPDATE_SCREENSHOTS=1.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO } = require('../../scripts/lib/packageInstall.cjs');
const { startLinqE2e } = require('./support/linqE2e');
const { BROWSER_ID } = require('./support/n8nInstance');
const { exampleWorkflow } = require('./support/workflows');

const CHROMIUM = process.env.LINQ_E2E_CHROMIUM || '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const SHOTS =
	process.env.LINQ_E2E_UPDATE_SCREENSHOTS === '1'
		? path.join(REPO, 'docs')
		: path.join(REPO, '.e2e-tmp', 'screenshots');

if (!hasChromium) {
	process.stderr.write(
		`\n*** BROWSER CHECK SKIPPED: no chromium at ${CHROMIUM}. Install it with ` +
			'`apt-get install -y chromium` (or set LINQ_E2E_CHROMIUM). ***\n\n',
	);
}

const maybe = hasChromium ? describe : describe.skip;

maybe('the n8n editor in chromium', () => {
	let suite;
	let n8n;
	let context;
	let profile;
	let page;
	const blocked = new Set();

	beforeAll(async () => {
		const { chromium, selectors } = require('playwright-core');
		selectors.setTestIdAttribute('data-test-id');
		suite = await startLinqE2e();
		({ n8n } = suite);
		profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linq-e2e-chromium-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			viewport: { width: 1440, height: 900 },
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		// Loopback only: the editor gets nothing from the internet, so the check is the same offline.
		await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/])/, (route) => {
			blocked.add(new URL(route.request().url()).host);
			return route.abort();
		});
		// The session cookie is bound to the browser id the editor sends; reuse the suite's own.
		await context.addInitScript((id) => localStorage.setItem('n8n-browserId', id), BROWSER_ID);
		const [name, ...value] = n8n.cookie.split(';')[0].split('=');
		await context.addCookies([{ name, value: value.join('='), url: n8n.origin }]);
		page = context.pages()[0] ?? (await context.newPage());
		fs.mkdirSync(SHOTS, { recursive: true });
	}, 600_000);

	afterAll(async () => {
		if (blocked.size)
			process.stderr.write(`Browser check: blocked requests to ${[...blocked].join(', ')}\n`);
		await context?.close();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
		await suite?.dispose();
	});

	/** Keeps a picture of the page when a step fails: the error alone rarely says why. */
	async function showingFailures(steps) {
		try {
			await steps();
		} catch (error) {
			const shot = path.join(REPO, '.e2e-tmp', 'screenshots', 'failure.png');
			fs.mkdirSync(path.dirname(shot), { recursive: true });
			await page.screenshot({ path: shot }).catch(() => {});
			error.message += `\nScreenshot of the page: ${shot}`;
			throw error;
		}
	}

	test('the node panel finds Linq and the node opens with its fields', () =>
		showingFailures(async () => {
			await page.goto(`${n8n.origin}/workflow/new`, { waitUntil: 'domcontentloaded' });
			await page
				.getByTestId('canvas-add-button')
				.or(page.getByTestId('canvas-plus-button'))
				.first()
				.click({ timeout: 120_000 });
			const search = page
				.getByTestId('node-creator-search-bar')
				.locator('input')
				.or(page.getByPlaceholder(/search/i))
				.first();
			await search.fill('Linq');
			const linq = page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Linq$/ })
				.first();
			await linq.waitFor({ timeout: 60_000 });
			await page.screenshot({ path: path.join(SHOTS, 'linq-node-panel.png') });

			await linq.click();
			await page
				.getByText(/^On message received$/i)
				.first()
				.click({ timeout: 60_000 });
			const ndv = page.getByTestId('ndv').first();
			await ndv.waitFor({ timeout: 60_000 });
			await ndv.getByText('Events', { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.screenshot({ path: path.join(SHOTS, 'linq-trigger-open.png') });
			await page.keyboard.press('Escape');
			await ndv.waitFor({ state: 'hidden', timeout: 30_000 });

			// n8n 2.x opens the node panel with N (older versions used Tab); the + button also works.
			await page.keyboard.press('n');
			if (!(await search.isVisible())) await page.getByTestId('node-creator-plus-button').click();
			await search.fill('Linq');
			await linq.click({ timeout: 60_000 });
			await page
				.getByText(/^Send a message$/i)
				.first()
				.click({ timeout: 60_000 });
			await ndv.waitFor({ timeout: 60_000 });
			await ndv.getByText('Resource', { exact: true }).first().waitFor({ timeout: 30_000 });
			// n8n 2.8 says "Credential to connect with", 2.41 "Credential".
			const credential = ndv
				.getByText('Credential', { exact: true })
				.or(ndv.getByText('Credential to connect with', { exact: true }));
			await expect(credential.first().isVisible()).resolves.toBe(true);
			for (const label of ['Operation', 'To', 'Text', 'Media']) {
				await expect(ndv.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
			}
			await page.screenshot({ path: path.join(SHOTS, 'linq-node-open.png') });
		}));

	/** Opens the node panel on the canvas (empty canvas: triggers; otherwise: actions). */
	async function openNodePanel() {
		const search = page
			.getByTestId('node-creator-search-bar')
			.locator('input')
			.or(page.getByPlaceholder(/search/i))
			.first();
		if (!(await search.isVisible())) {
			await page
				.getByTestId('canvas-add-button')
				.or(page.getByTestId('canvas-plus-button'))
				.or(page.getByTestId('node-creator-plus-button'))
				.first()
				.click({ timeout: 120_000 });
		}
		return search;
	}

	const linqItem = () =>
		page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^Linq$/ })
			.first();

	// The codex aliases (nodes/*/*.node.json): people search for what they want to send.
	const SEARCHES = ['sms', 'imessage', 'text message'];

	test('the node panel finds Linq Trigger and Linq by "sms", "imessage" and "text message"', () =>
		showingFailures(async () => {
			await page.goto(`${n8n.origin}/workflow/new`, { waitUntil: 'domcontentloaded' });
			// An empty canvas lists triggers: this finds Linq Trigger through its own codex.
			let search = await openNodePanel();
			for (const term of SEARCHES) {
				await search.fill(term);
				await linqItem().waitFor({ timeout: 60_000 });
			}
			await linqItem().click();
			await page
				.getByText(/^On message received$/i)
				.first()
				.click({ timeout: 60_000 });
			const ndv = page.getByTestId('ndv').first();
			await ndv.waitFor({ timeout: 60_000 });
			await page.keyboard.press('Escape');
			await ndv.waitFor({ state: 'hidden', timeout: 30_000 });

			// With a trigger on the canvas the panel lists actions: the Linq node's codex.
			await page.keyboard.press('n');
			search = await openNodePanel();
			for (const term of SEARCHES) {
				await search.fill(term);
				await linqItem().waitFor({ timeout: 60_000 });
			}
			await page.keyboard.press('Escape');
		}));

	test('README quick start: the credential is there, the node is found, a send is executed', () =>
		showingFailures(async () => {
			// Step 2 of the quick start: the credential (created like the README says, via the API here).
			await page.goto(`${n8n.origin}/home/credentials`, { waitUntil: 'domcontentloaded' });
			await page.getByText('Linq (fake)', { exact: true }).first().waitFor({ timeout: 60_000 });

			// Step 3: a workflow that sends a text, run from the editor.
			await page.goto(`${n8n.origin}/workflow/new`, { waitUntil: 'domcontentloaded' });
			let search = await openNodePanel();
			await search.fill('Manual');
			await page
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Trigger manually$/i })
				.first()
				.waitFor({ timeout: 60_000 });
			// The list re-renders while the search settles; Enter takes the first match.
			await search.press('Enter');
			const ndv = page.getByTestId('ndv').first();
			if (await ndv.isVisible()) {
				await page.keyboard.press('Escape');
				await ndv.waitFor({ state: 'hidden', timeout: 30_000 });
			}
			await page.keyboard.press('n');
			search = await openNodePanel();
			await search.fill('text message');
			await linqItem().click({ timeout: 60_000 });
			await page
				.getByText(/^Send a message$/i)
				.first()
				.click({ timeout: 60_000 });
			await ndv.waitFor({ timeout: 60_000 });
			// The only Linq credential is picked for the new node (shown as the value of its select).
			await expect(
				ndv.locator('input').evaluateAll((inputs) => inputs.map((input) => input.value)),
			).resolves.toContain('Linq (fake)');
			const sendsBefore = suite.fake.calls('POST', '/v3/messages').length;
			await ndv
				.getByTestId('parameter-input-to')
				.locator('input, textarea')
				.first()
				.fill('+15551234567');
			await ndv
				.getByTestId('parameter-input-text')
				.locator('input, textarea, [contenteditable="true"]')
				.first()
				.fill('Hello from the quick start');
			await ndv.getByTestId('node-execute-button').first().click();
			await ndv
				.getByText(/chat_id/)
				.first()
				.waitFor({ timeout: 120_000 });
			const sends = suite.fake.calls('POST', '/v3/messages').slice(sendsBefore);
			expect(sends).toHaveLength(1);
			expect(sends[0].body).toMatchObject({
				to: ['+15551234567'],
				message: { parts: [{ type: 'text', value: 'Hello from the quick start' }] },
			});
			await page.screenshot({ path: path.join(SHOTS, 'linq-quick-start-send.png') });
		}));

	let openAiId;
	/** The concierge's chat model needs an OpenAI credential to show no issue; it is never called. */
	async function openAiCredential() {
		openAiId ??= (
			await n8n.rest('POST', '/credentials', {
				name: 'OpenAI',
				type: 'openAiApi',
				data: { apiKey: 'sk-not-used' },
			})
		).id;
		return openAiId;
	}

	// The README's canvas pictures; every example opens with all its nodes and their icons.
	const EXAMPLES = [
		{
			title: 'appointment reminder',
			file: 'appointment-reminder.json',
			names: ['Ask to confirm', 'Confirmed?', 'Tell the front desk'],
		},
		{
			title: 'AI text concierge',
			file: 'ai-text-concierge.json',
			names: ['AI Agent', 'Memory', 'Reply with Linq'],
		},
		{
			title: 'opt-out list',
			file: 'opt-out-list.json',
			names: [
				'Keyword',
				'Sender not opted out?',
				'Recipient not opted out?',
				'Check before every send',
			],
		},
	];

	test.each(EXAMPLES)(
		'the $title example opens on the canvas with all its nodes',
		({ file, names }) =>
			showingFailures(async () => {
				const workflow = await n8n.api(
					'POST',
					'/workflows',
					exampleWorkflow(file, {
						linqAppApi: suite.credentialId,
						openAiApi: await openAiCredential(),
					}),
				);
				await page.goto(`${n8n.origin}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
				// Sticky notes are drawn on the canvas too, but not as canvas nodes (and have no icon).
				const count = workflow.nodes.filter(
					(node) => node.type !== 'n8n-nodes-base.stickyNote',
				).length;
				const nodes = page.getByTestId('canvas-node');
				await nodes.first().waitFor({ timeout: 120_000 });
				await expect(nodes.count()).resolves.toBe(count);
				for (const name of names) {
					await expect(page.getByText(name, { exact: true }).first().isVisible()).resolves.toBe(
						true,
					);
				}
				// Node icons arrive after the nodes: community icons as images, n8n's own as inline SVG.
				await page.waitForFunction(
					(count) => {
						const nodes = [...document.querySelectorAll('[data-test-id="canvas-node"]')];
						return (
							nodes.length >= count &&
							nodes.every((node) => {
								const images = [...node.querySelectorAll('img')];
								return images.length > 0
									? images.every((image) => image.complete && image.naturalWidth > 0)
									: node.querySelector('svg path') !== null;
							})
						);
					},
					count,
					{ timeout: 60_000 },
				);
				await page.screenshot({ path: path.join(SHOTS, file.replace(/\.json$/, '.png')) });
			}),
	);
});
