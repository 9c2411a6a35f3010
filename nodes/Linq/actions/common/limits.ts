import { MAX_UPLOAD_BYTES } from '../../../shared/binaryFile';

/** Limits Linq enforces, checked locally so a workflow fails before anything is sent. */
export const LIMITS = {
	recipients: 31,
	parts: 100,
	/** Media parts given as a public URL, which Linq downloads on every send. */
	urlMediaParts: 40,
	linkLength: 2_048,
	uploadBytes: MAX_UPLOAD_BYTES,
};
