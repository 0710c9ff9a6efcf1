// Reads planmap's JSON API; every failure becomes an Error whose message is the server's Chinese text.
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.message ? body.message.zh : `请求失败（${response.status}）`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

export const layerFeatures = (id) => getJson(`/api/layers/${encodeURIComponent(id)}/features`);
