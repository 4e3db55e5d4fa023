// Live Jobs table of the connection page: re-reads GET /connections/{id}/jobs when the server says (nextPollMs: a
// few seconds while a job runs or is due soon, longer when idle) and rewrites each row's cells and badge classes in
// place. The rows' Run now forms are left as rendered (their CSRF tokens stay valid). A job scheduled after the page
// loaded shows on reload. Polling: poll.js. The content security policy allows no inline script, hence this file.
(function () {
  'use strict';
  var table = document.getElementById('jobs');
  if (!table || !window.fetch || !window.bridgePoll) {
    return;
  }
  var next = parseInt(table.getAttribute('data-next-poll-ms'), 10) || 30000;

  function cell(tr, name) {
    return tr.querySelector('td.' + name);
  }

  function text(tr, name, value) {
    var td = cell(tr, name);
    var v = value === null || value === undefined ? '' : String(value);
    if (td.textContent !== v) {
      td.textContent = v;
    }
  }

  function badge(className, label) {
    var span = document.createElement('span');
    span.className = className;
    span.textContent = label;
    return span;
  }

  function update(tr, job) {
    tr.setAttribute('data-state', job.lastState);
    text(tr, 'job', job.job);
    var state = cell(tr, 'last-state').querySelector('span');
    state.className = job.lastBadge;
    state.textContent = job.lastState;
    text(tr, 'last-started', job.lastStarted);
    text(tr, 'next-run', job.nextRun);
    text(tr, 'outcome', job.outcome);
    var status = cell(tr, 'status');
    var badges = [];
    if (job.runningOn !== null) {
      badges.push(badge('badge badge-ok', 'running on ' + job.runningOn));
    }
    if (job.interrupted !== null) {
      badges.push(badge('badge badge-bad', 'interrupted: ' + job.interrupted));
    }
    if (job.consecutiveFailures > 0) {
      badges.push(badge('badge badge-bad', job.consecutiveFailures + ' failed run(s) in a row'));
    }
    status.replaceChildren.apply(status, badges);
  }

  function draw(view) {
    view.jobs.forEach(function (job) {
      var tr = table.querySelector('tbody tr[data-job="' + job.job + '"]');
      if (tr) {
        update(tr, job);
      }
    });
    next = view.nextPollMs;
  }

  window.bridgePoll(table, function () {
    return next;
  }, draw);
}());
