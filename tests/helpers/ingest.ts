/** What the ingest API answers for an accepted report. */
export interface Accepted {
  report_id: string;
  version: number;
}

/**
 * Posts one report (an object, or a JSON line as it is) to a running ingest API with the development token and
 * returns what it accepted; any answer but 202 fails with the status and body.
 */
export async function postReport(ingestUrl: string, report: object | string): Promise<Accepted> {
  const res = await fetch(`${ingestUrl}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer dev-token' },
    body: typeof report === 'string' ? report : JSON.stringify(report),
  });
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Accepted;
}
