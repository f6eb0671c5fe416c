import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './auth.js';
import { fileForm } from './multipart.js';

/** Calls on /api/v1/files shared by the upload tests. */

export interface FileView {
  id: string;
  contentType: string;
  size: number;
  name: string;
  url: string;
  ownerId: string | null;
  createdAt: string;
}

export function uploadFile(client: Client, content: Buffer | string, filename?: string, contentType?: string): Promise<LightMyRequestResponse> {
  const form = fileForm(content, filename, contentType);
  return client.inject({ method: 'POST', url: '/api/v1/files', ...form });
}

/** Uploads and returns the created file, failing the test with the response if it was not 201. */
export async function uploaded(client: Client, content: Buffer | string, filename?: string, contentType?: string): Promise<FileView> {
  const response = await uploadFile(client, content, filename, contentType);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<{ data: FileView }>().data;
}

export async function listedIds(client: Client, query = ''): Promise<string[]> {
  const response = await client.inject({ url: `/api/v1/files${query}` });
  if (response.statusCode !== 200) throw new Error(`list failed: ${response.statusCode} ${response.body}`);
  return response.json<{ data: FileView[] }>().data.map((file) => file.id);
}
