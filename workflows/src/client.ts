import { Client, Connection } from '@temporalio/client';

/** A Temporal client for starting and signalling wirewatch workflows. Close its connection when done. */
export async function connectTemporal(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address, connectTimeout: '10s' });
  return new Client({ connection, namespace });
}
