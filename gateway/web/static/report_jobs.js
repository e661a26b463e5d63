// The report files page (reports_files.html): the progress of the jobs being formed, asked every second; once one is
// formed the page is loaded again. The addresses come from the table's data-jobs and data-reload.
document.querySelectorAll("table.report-jobs").forEach(function (table) {
  table.querySelectorAll('tr[data-status="queued"], tr[data-status="running"]').forEach(function (row) {
    var timer = setInterval(function () {
      fetch(table.dataset.jobs + "/" + row.dataset.job + ".json", {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (job) {
          var bar = row.querySelector("progress"), text = row.querySelector(".job-status");
          bar.max = job.total || 1; bar.value = job.done;
          text.textContent = job.status_name + (job.total ? ": " + job.done + " из " + job.total : "");
          if (job.status !== "queued" && job.status !== "running") {
            clearInterval(timer); location.href = table.dataset.reload;
          }
        })
        .catch(function () { clearInterval(timer); });
    }, 1000);
  });
});
