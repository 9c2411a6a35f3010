'use strict';
/**
 * A scripted stand-in for an OpenAI-compatible chat-completions API on 127.0.0.1, for running
 * n8n's AI Agent without a model. Each conversation goes: the first call (no tool result yet)
 * answers with one call of the tool whose name matches `toolPattern`, with arguments chosen by
 * `toolArguments(tool, request)`; the call after the tool result answers `finalAnswer`. Every
 * request is recorded. Streaming requests get the same answers as server-sent events.
 */
const http = require('node:http');

function completion(model, message, finishReason) {
	return {
		id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

/** The same answer as chunks: role and content or tool call, then the finish reason. */
function streamChunks(answer) {
	const [choice] = answer.choices;
	const base = { id: answer.id, object: 'chat.completion.chunk', created: answer.created };
	const delta = { role: 'assistant', content: choice.message.content ?? '' };
	if (choice.message.tool_calls)
		delta.tool_calls = choice.message.tool_calls.map((call, index) => ({ index, ...call }));
	return [
		{ ...base, model: answer.model, choices: [{ index: 0, delta, finish_reason: null }] },
		{
			...base,
			model: answer.model,
			choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }],
		},
	];
}

function readJson(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			try {
				resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
			} catch (error) {
				reject(error);
			}
		});
		req.on('error', reject);
	});
}

async function startFakeOpenAi({
	toolPattern = /linq/i,
	toolArguments = () => ({}),
	finalAnswer = 'Done.',
} = {}) {
	const requests = [];
	const server = http.createServer(async (req, res) => {
		const reply = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		const path = (req.url ?? '').split('?')[0];
		if (req.method === 'GET' && path.endsWith('/models')) {
			return reply(200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			return reply(404, { error: { message: `no route ${req.method} ${path}` } });
		}
		let request;
		try {
			request = await readJson(req);
		} catch {
			return reply(400, { error: { message: 'body is not JSON' } });
		}
		requests.push(request);
		const model = request.model ?? 'fake-model';
		const hasToolResult = (request.messages ?? []).some((message) => message.role === 'tool');
		const tool = (request.tools ?? []).find((entry) =>
			toolPattern.test(entry.function?.name ?? ''),
		);
		let answer;
		if (!hasToolResult && tool) {
			const call = {
				id: `call_${requests.length}`,
				type: 'function',
				function: {
					name: tool.function.name,
					arguments: JSON.stringify(toolArguments(tool, request)),
				},
			};
			answer = completion(
				model,
				{ role: 'assistant', content: null, tool_calls: [call] },
				'tool_calls',
			);
		} else {
			answer = completion(model, { role: 'assistant', content: finalAnswer }, 'stop');
		}
		if (!request.stream) return reply(200, answer);
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		for (const chunk of streamChunks(answer)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
		res.end('data: [DONE]\n\n');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startFakeOpenAi };
