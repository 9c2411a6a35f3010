import type { IDataObject } from 'n8n-workflow';

/**
 * What a trigger (Linq or Linq V2) keeps about one subscription it created, in the node's static data under
 * `registrations`, keyed by the n8n webhook URL it delivers to. The editor's test URL and the
 * production URL are different subscriptions with different secrets, so keying by URL keeps
 * them apart: "Listen for test event" starts from a copy of the production static data, and
 * its own entry must neither replace nor reuse the production one.
 */
export interface Registration extends IDataObject {
	id: string;
	/** Needed to verify deliveries: V3 shows it once at creation, for V2 the trigger chose it. */
	secret: string;
	targetUrl: string;
	events: string[];
	lines: string[];
	/** Created for the editor's "Listen for test event", not for the active workflow. */
	test: boolean;
}

export type Registrations = Record<string, Registration>;

function isRegistration(value: unknown): value is Registration {
	const entry = value as Registration | null;
	return (
		typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && entry.id !== ''
	);
}

export function readRegistrations(staticData: IDataObject): Registrations {
	const stored = staticData.registrations;
	const registrations: Registrations = {};
	if (stored !== null && typeof stored === 'object' && !Array.isArray(stored)) {
		for (const [url, entry] of Object.entries(stored)) {
			if (isRegistration(entry)) registrations[url] = entry;
		}
	}
	return registrations;
}

/** Assigning the whole map is what marks n8n's static data as changed, so it gets saved. */
export function writeRegistrations(staticData: IDataObject, registrations: Registrations): void {
	staticData.registrations = registrations;
}

/** Keeps the subscription a trigger created for one n8n webhook URL, replacing any before it. */
export function rememberRegistration(
	staticData: IDataObject,
	webhookUrl: string,
	registration: Registration,
): void {
	writeRegistrations(staticData, { ...readRegistrations(staticData), [webhookUrl]: registration });
}

/** Forgets the subscription kept for one n8n webhook URL, once it is gone at Linq. */
export function forgetRegistration(staticData: IDataObject, webhookUrl: string): void {
	const registrations = readRegistrations(staticData);
	delete registrations[webhookUrl];
	writeRegistrations(staticData, registrations);
}

/**
 * The secrets that may have signed a delivery: those of the subscriptions made for the same
 * kind of run (test deliveries arrive in manual mode), test or production.
 */
export function signingSecrets(staticData: IDataObject, test: boolean): string[] {
	const secrets: string[] = [];
	for (const registration of Object.values(readRegistrations(staticData))) {
		if (
			registration.test === test &&
			typeof registration.secret === 'string' &&
			registration.secret !== ''
		) {
			secrets.push(registration.secret);
		}
	}
	return secrets;
}

/** The ids of the subscriptions of one kind (test or production), sorted. */
export function subscriptionIds(staticData: IDataObject, test: boolean): string[] {
	return Object.values(readRegistrations(staticData))
		.filter((registration) => registration.test === test)
		.map((registration) => registration.id)
		.sort();
}
