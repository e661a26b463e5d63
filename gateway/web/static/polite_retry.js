// Polite retries (issue 16, docs/gateway.md "Load shedding"): when the gateway sheds load (503) or a limit is reached
// (429) and says when to come back (Retry-After), the page's scripts wait that long — longer with every further
// refusal (doubled, at most MAX_SECONDS), plus a random part of up to a half, so that the pages of a whole school do
// not all come back in the same second — and say so: «Сервис перегружен, повторим через N с». Loaded before the
// scripts that use it (grid.js, report_jobs.js).
window.otmetkaRetry = (function () {
  var MAX_SECONDS = 300;

  function busy(response) {  // a refusal that says when to come back
    return !!response && (response.status === 503 || response.status === 429) &&
      response.headers.get("Retry-After") !== null;
  }

  function delaySeconds(response, attempt) {  // attempt: the refusals in a row before this one (0 = the first)
    var said = parseInt(response.headers.get("Retry-After"), 10);
    var base = said > 0 ? said : 5;
    var backoff = Math.max(base, Math.min(MAX_SECONDS, base * Math.pow(2, Math.min(attempt, 8))));
    return Math.ceil(backoff * (1 + Math.random() / 2));
  }

  function message(seconds) {
    return "Сервис перегружен, повторим через " + seconds + " с";
  }

  return {busy: busy, delaySeconds: delaySeconds, message: message};
}());
