// The report files page (reports_files.html): the progress of the jobs being formed, asked every second; once one is
// formed the page is loaded again. The addresses come from the table's data-jobs and data-reload. An overloaded
// gateway's refusal (503/429 with Retry-After) is waited out politely (polite_retry.js) and said in the row.
document.querySelectorAll("table.report-jobs").forEach(function (table) {
  table.querySelectorAll('tr[data-status="queued"], tr[data-status="running"]').forEach(function (row) {
    var refusals = 0;
    function poll() {
      fetch(table.dataset.jobs + "/" + row.dataset.job + ".json", {credentials: "same-origin"})
        .then(function (response) {
          if (otmetkaRetry.busy(response)) {
            var seconds = otmetkaRetry.delaySeconds(response, refusals++);
            row.querySelector(".job-status").textContent = otmetkaRetry.message(seconds);
            setTimeout(poll, seconds * 1000);
            return null;
          }
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (job) {
          if (!job) return;
          refusals = 0;
          var bar = row.querySelector("progress"), text = row.querySelector(".job-status");
          bar.max = job.total || 1; bar.value = job.done;
          text.textContent = job.status_name + (job.total ? ": " + job.done + " из " + job.total : "");
          if (job.status !== "queued" && job.status !== "running") location.href = table.dataset.reload;
          else setTimeout(poll, 1000);
        })
        .catch(function () {});  // the page's own link reloads it
    }
    setTimeout(poll, 1000);
  });
});
