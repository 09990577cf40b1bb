import type { Agent, Response } from 'supertest';

/** Browses an archive once its index is built: a browse answers 202 with progress until then. */
export async function browseWhenIndexed(agent: Agent, url: string, timeoutMs = 30_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await agent.get(url);
    if (response.status !== 202 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
