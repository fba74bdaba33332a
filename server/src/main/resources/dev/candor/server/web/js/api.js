// The one way the pages talk to the server: JSON over fetch with a bearer credential (an end-user
// token on /me, an API key on the console), errors turned into ApiError with the server's stable code.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export class Api {
  /**
   * @param credential   the bearer token or key, kept only in this object
   * @param onUnauthorized called (once per failing call) when the server answers 401
   */
  constructor(credential, onUnauthorized = () => {}) {
    this.credential = credential;
    this.onUnauthorized = onUnauthorized;
  }

  get(path) { return this.call('GET', path); }
  put(path, body) { return this.call('PUT', path, body); }
  post(path, body) { return this.call('POST', path, body); }
  del(path) { return this.call('DELETE', path); }

  /** {@return the response body parsed as JSON, null for 204}; throws ApiError otherwise */
  async call(method, path, body) {
    const headers = {'Accept': 'application/json'};
    if (this.credential) headers['Authorization'] = 'Bearer ' + this.credential;
    const init = {method, headers, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
    }
    const date = res.headers.get('Date');
    if (date && !Number.isNaN(Date.parse(date))) this.serverDate = new Date(date); // the server's clock, for expiry
    if (res.status === 204) return null;
    let json = null;
    const text = await res.text();
    if (text) {
      try { json = JSON.parse(text); } catch (e) { json = null; }
    }
    if (!res.ok) {
      const err = json && json.error ? json.error : {};
      const e = new ApiError(res.status, err.code || 'HTTP_' + res.status, err.message || res.statusText, err.field);
      if (res.status === 401) this.onUnauthorized(e);
      throw e;
    }
    return json;
  }

  /** Fetches a JSON document and offers it as a file download; {@return the parsed document} */
  async download(path, filename) {
    const doc = await this.get(path);
    const blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], {type: 'application/json'});
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return doc;
  }
}
