// Shared by the pages: the bearer token (kept in this page's memory only, never in the browser's
// storage), calls to the API, and problem details (RFC 9457) put into words.
"use strict";
const Api = (() => {
  let token = null;

  function signIn(value) {
    token = value.trim();
  }

  function signedIn() {
    return token !== null && token !== "";
  }

  /** The token's subject (for "take this case"): read from the token, not trusted for anything. */
  function subject() {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload)).sub;
    } catch (e) {
      return null;
    }
  }

  class Problem extends Error {
    constructor(status, body) {
      super(words(status, body));
      this.status = status;
      this.body = body;
    }
  }

  function words(status, body) {
    if (!body || typeof body !== "object") {
      return "The service answered " + status + ".";
    }
    let text = (body.title || "Error") + (body.detail ? ": " + body.detail : "");
    if (Array.isArray(body.violations) && body.violations.length > 0) {
      text += " " + body.violations.map((v) => v.field + " " + v.message).join("; ") + ".";
    }
    return text;
  }

  async function call(method, path, options = {}) {
    const headers = { Authorization: "Bearer " + token, Accept: options.accept || "application/json" };
    if (options.ifMatch) {
      headers["If-Match"] = options.ifMatch;
    }
    let body;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    // no-store: nothing the service answers is kept in the browser's cache.
    const response = await fetch(path, { method, headers, body, cache: "no-store" });
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      } catch (e) {
        problem = null;
      }
      throw new Problem(response.status, problem);
    }
    return response;
  }

  async function json(method, path, options) {
    const response = await call(method, path, options);
    return { body: response.status === 204 ? null : await response.json(), etag: response.headers.get("ETag") };
  }

  /** Downloads the CSV form of a statistics answer under a file name. */
  async function downloadCsv(path, filename) {
    const response = await call("GET", path, { accept: "text/csv" });
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0); // after the download has started
  }

  function show(element, error) {
    element.textContent = error instanceof Problem ? error.message : "The page could not reach the service: " + error.message;
    element.hidden = false;
  }

  /**
   * A token handed over in the address's fragment (#token=...) by the deployment's sign-in (an
   * identity provider's redirect), taken into memory and removed from the address at once. A
   * fragment is never sent to a server nor in a Referer, but the browser's history may keep the
   * address it was loaded with: use short-lived tokens. Null when there is none.
   */
  function fromAddress() {
    const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    if (!match) {
      return null;
    }
    history.replaceState(null, "", window.location.pathname + window.location.search);
    signIn(decodeURIComponent(match[1]));
    return token;
  }

  return { signIn, signedIn, subject, json, downloadCsv, show, fromAddress, Problem };
})();
